/** `/decisions.xml`: every decision in the register, as an Atom feed. */
import type { APIRoute } from 'astro';
import { decisionsFeed, emptyFeedUpdated } from '../exports/index.ts';
import { lastModified } from '../history/index.ts';
import { loadModel, today } from '../model/index.ts';
import { FEED_URL, REGISTER_URL } from '../site/urls.ts';

export const GET: APIRoute = () => {
  const model = loadModel();
  const xml = decisionsFeed({
    site: model.site,
    path: FEED_URL,
    pagePath: REGISTER_URL,
    title: `Decisions: ${model.site.title}`,
    subtitle: `Every decision and report in ${model.site.title}, newest first.`,
    decisions: model.decisions,
    partnerships: new Map(model.partnerships.map((p) => [p.id, p])),
    lastModified: (file) => lastModified(file),
    emptyUpdated: lastModified('site.yaml') ?? emptyFeedUpdated(model.partnerships, today()),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
