/** `/data/decisions.json`: every decision, with its funding in pence and pounds, as open data. */
import type { APIRoute } from 'astro';
import { decisionsJson, toJsonFile } from '../../exports/index.ts';
import { loadModel } from '../../model/index.ts';

export const GET: APIRoute = () =>
  new Response(toJsonFile(decisionsJson(loadModel())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
