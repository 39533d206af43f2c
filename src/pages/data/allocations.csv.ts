/** `/data/allocations.csv`: one row per allocation of every published funding table. */
import type { APIRoute } from 'astro';
import { allocationsCsv } from '../../exports/index.ts';
import { loadModel } from '../../model/index.ts';

export const GET: APIRoute = () =>
  new Response(allocationsCsv(loadModel()), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
