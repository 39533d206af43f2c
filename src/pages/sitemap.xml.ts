/** `/sitemap.xml`: every page, with the date git last changed its content files. */
import type { APIRoute } from 'astro';
import { sitemapXml } from '../exports/index.ts';
import { lastModified } from '../history/index.ts';
import { loadModel } from '../model/index.ts';

export const GET: APIRoute = () =>
  new Response(sitemapXml(loadModel(), (files) => lastModified(files)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
