/** `/changes.xml`: what changed in the register, as an Atom feed. */
import type { APIRoute } from 'astro';
import { EPOCH } from '../exports/atom.ts';
import { changesFeed } from '../exports/changes-feed.ts';
import { lastModified, loadHistory } from '../history/index.ts';
import { loadModel } from '../model/index.ts';

export const GET: APIRoute = () =>
  new Response(changesFeed(loadModel(), { history: loadHistory(), emptyUpdated: lastModified('site.yaml') ?? EPOCH }), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
