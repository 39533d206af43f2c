/** `/changes.xml`: what changed in the register, as an Atom feed. */
import type { APIRoute } from 'astro';
import { changesFeed } from '../exports/changes-feed.ts';
import { emptyFeedUpdated } from '../exports/feed-updated.ts';
import { lastModified, loadHistory } from '../history/index.ts';
import { loadModel, today } from '../model/index.ts';

export const GET: APIRoute = () => {
  const model = loadModel();
  return new Response(changesFeed(model, { history: loadHistory(), emptyUpdated: lastModified('site.yaml') ?? emptyFeedUpdated(model.partnerships, today()) }), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
