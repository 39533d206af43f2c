/** `/data/seats.csv`: the seats of every partnership's current board and executive, as `/compare/` shows them. */
import type { APIRoute } from 'astro';
import { seatsCsv } from '../../exports/seats-csv.ts';
import { loadModel } from '../../model/index.ts';

export const GET: APIRoute = () =>
  new Response(seatsCsv(loadModel()), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
