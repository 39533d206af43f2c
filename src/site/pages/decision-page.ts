/**
 * A decision or report (`/partnerships/<id>/decisions/<decision>/`): what was
 * recommended and decided, the options weighed, the money, and what it
 * concerns. An exempt decision's page shows only its title and date.
 */
import { decisionJsonLd } from '../../exports/index.ts';
import type { DecisionModel, Model, PartnershipModel } from '../../model/index.ts';
import { statusAsAt } from '../as-at.ts';
import { fundingView, type FundingView } from '../funding-view.ts';
import { decisionServes, type ServedItem } from '../scrutiny/served-by.ts';
import { pageSources, type PageSources } from '../sources-view.ts';
import { shown } from './page-sources.ts';
import { DECISION_KIND_LABELS, DECISION_STATUS_LABELS, STRUCTURE_STATUS_LABELS } from '../labels.ts';
import { indexModel } from '../lookup.ts';
import { notesForFiles, type DataQualityNote } from '../notes.ts';
import { decisionUrl, structureUrl } from '../urls.ts';
import { partnershipCrumbs, type Crumb } from './breadcrumbs.ts';
import { pageHistory, type PageHistoryView } from './page-history.ts';
import type { DecisionLink, Label, Link } from './view-types.ts';

/** Another decision this one supersedes or is superseded by. */
export interface RelatedDecision extends DecisionLink {
  /** " (Other Partnership)" when it is another partnership's decision; empty for the same partnership's. */
  elsewhere: string;
}

/** What every decision's page shows, published or exempt. */
interface DecisionPageBase {
  title: string;
  breadcrumbs: readonly Crumb[];
  /** The partnership it belongs to, for the caption and its feed. */
  partnership: { id: string; name: string };
  /** As precise as the source: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  jsonLd: ReturnType<typeof decisionJsonLd>;
}

/** An exempt decision's page: its title and date, and nothing of its contents. */
export interface ExemptDecisionPage extends DecisionPageBase {
  public: false;
}

/** A published decision's page. */
export interface PublishedDecisionPage extends DecisionPageBase {
  public: true;
  decision: DecisionModel;
  /** For search engines: who decided and when. */
  description: string;
  history: PageHistoryView;
  status: Label;
  /** Its kinds in words, joined ("Funding, Structure"). */
  kinds: string;
  /** The report it was taken on, when anything of the report is recorded. */
  report?: NonNullable<DecisionModel['report']>;
  /** The structure it proposes or adopts. */
  structure?: Link & { status: Label };
  supersedes?: RelatedDecision;
  supersededBy: RelatedDecision[];
  /** The objectives and priorities it serves. */
  serves: ServedItem[];
  notes: DataQualityNote[];
  /** The funding table, when the decision has one. */
  funding?: FundingView;
  /** When the status was last known: "as described in 8 November 2011", or "date not recorded". */
  statusAsAt: string;
  /** The documents it is taken from (its report first), and its facts' citations. */
  sources: PageSources;
}

/** What a decision's page shows. */
export type DecisionPage = PublishedDecisionPage | ExemptDecisionPage;

/** One page for each decision, under its partnership. */
export function decisionPagePaths(model: Model): { params: { id: string; decision: string }; props: { partnership: PartnershipModel; decision: DecisionModel } }[] {
  return model.partnerships.flatMap((partnership) =>
    partnership.decisions.map((decision) => ({ params: { id: partnership.id, decision: decision.id }, props: { partnership, decision } })),
  );
}

/** A decision's page; an exempt decision's holds only what its page may publish. */
export function decisionPageData(model: Model, p: PartnershipModel, d: DecisionModel): DecisionPage {
  const base = { title: d.title, breadcrumbs: partnershipCrumbs(p), partnership: { id: p.id, name: p.name }, date: d.date, jsonLd: decisionJsonLd(model, d) };
  if (!d.public) return { ...base, public: false };
  const index = indexModel(model);
  const structure = d.structure ? index.structure(p.id, d.structure) : undefined;
  const supersedes = d.supersedes ? index.decision(d.supersedes, p.id) : undefined;
  const related = (x: DecisionModel): RelatedDecision => ({
    text: x.title,
    href: decisionUrl(x.partnershipId, x.id),
    date: x.date,
    elsewhere: x.partnershipId === p.id ? '' : ` (${index.partnership(x.partnershipId)?.name ?? x.partnershipId})`,
  });
  const report = d.report && (d.report.title || d.report.author || d.report.reference) ? d.report : undefined;
  return {
    ...base,
    public: true,
    decision: d,
    description: `${d.decision_maker}, ${d.date}`,
    history: pageHistory(model.site, [d.file]),
    status: DECISION_STATUS_LABELS[d.status],
    kinds: d.kind.map((k) => DECISION_KIND_LABELS[k]).join(', '),
    ...(report ? { report } : {}),
    ...(structure
      ? { structure: { text: structure.title, href: structureUrl(p.id, structure.id), status: STRUCTURE_STATUS_LABELS[structure.status] } }
      : {}),
    ...(supersedes ? { supersedes: related(supersedes) } : {}),
    supersededBy: d.supersededBy
      .map((ref) => index.decision(ref, p.id))
      .filter((x) => x !== undefined)
      .map(related),
    serves: decisionServes(model, d),
    notes: notesForFiles(model, [d.file]),
    ...(d.funding ? { funding: fundingView(model, { ...d, funding: d.funding }) } : {}),
    statusAsAt: statusAsAt(d),
    sources: pageSources(p, [shown(d)]),
  };
}
