/** `/data/structures.json`: every structure version's bodies, seats and reporting lines, Popolo-shaped. */
import type { APIRoute } from 'astro';
import { structuresPopolo, toJsonFile } from '../../exports/index.ts';
import { loadModel } from '../../model/index.ts';

export const GET: APIRoute = () =>
  new Response(toJsonFile(structuresPopolo(loadModel())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
