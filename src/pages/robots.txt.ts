/** `/robots.txt`: everything may be crawled; the sitemap's full address comes from site.yaml. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../exports/index.ts';
import { loadModel } from '../model/index.ts';

export const GET: APIRoute = () => new Response(robotsTxt(loadModel().site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
