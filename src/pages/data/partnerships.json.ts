/** `/data/partnerships.json`: every partnership, as open data. */
import type { APIRoute } from 'astro';
import { partnershipsJson, toJsonFile } from '../../exports/index.ts';
import { loadModel } from '../../model/index.ts';

export const GET: APIRoute = () =>
  new Response(toJsonFile(partnershipsJson(loadModel())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
