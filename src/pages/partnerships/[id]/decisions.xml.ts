/** `/partnerships/<id>/decisions.xml`: one partnership's decisions, as an Atom feed. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { decisionsFeed, emptyFeedUpdated, partnershipFeedUrl } from '../../../exports/index.ts';
import { lastModified } from '../../../history/index.ts';
import { loadModel, today, type PartnershipModel } from '../../../model/index.ts';
import { partnershipPagePaths } from '../../../site/pages/partnership-page.ts';
import { partnershipUrl } from '../../../site/urls.ts';

/** A feed beside each partnership's page. */
export const getStaticPaths = (() => partnershipPagePaths(loadModel())) satisfies GetStaticPaths;

export const GET: APIRoute<{ partnership: PartnershipModel }> = ({ props: { partnership } }) => {
  const model = loadModel();
  const xml = decisionsFeed({
    site: model.site,
    path: partnershipFeedUrl(partnership.id),
    pagePath: partnershipUrl(partnership.id),
    title: `Decisions of ${partnership.name}: ${model.site.title}`,
    subtitle: `Decisions and reports of ${partnership.name}, newest first.`,
    decisions: partnership.decisions,
    // Every partnership, not only this one: an allocation one of them made is named in the summary.
    partnerships: new Map(model.partnerships.map((p) => [p.id, p])),
    lastModified: (file) => lastModified(file),
    emptyUpdated: lastModified(partnership.file) ?? emptyFeedUpdated([partnership], today()),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
