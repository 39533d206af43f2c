/** `/data/grants-360giving.json`: every published allocation as a grant in the 360Giving Data Standard. */
import type { APIRoute } from 'astro';
import { grants360Giving, toJsonFile } from '../../exports/index.ts';
import { lastModified } from '../../history/index.ts';
import { loadModel } from '../../model/index.ts';

export const GET: APIRoute = () =>
  new Response(toJsonFile(grants360Giving(loadModel(), (file) => lastModified(file))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
