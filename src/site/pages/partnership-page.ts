/**
 * A partnership's page (`/partnerships/<id>/`): what it is for, where it
 * stands, its structure in force with every body, the structure over time,
 * its strategies and chapters, and its decisions.
 */
import { diagramFor, type StructureDiagram } from '../../diagrams/index.ts';
import { partnershipJsonLd, partnershipPageFiles } from '../../exports/index.ts';
import type { Model, PartnershipModel, StructureModel } from '../../model/index.ts';
import { formatPeriod, plural } from '../format.ts';
import { CHAPTER_STATUS_LABELS, PARTNERSHIP_KIND_LABELS, PARTNERSHIP_STATUS_LABELS, STRUCTURE_STATUS_LABELS, TIER_LABELS } from '../labels.ts';
import { indexModel } from '../lookup.ts';
import { partnershipNotes, type DataQualityNote } from '../notes.ts';
import { filterRows, registerRows, type RegisterRow } from '../register.ts';
import { replacementOf } from '../replacement.ts';
import { structureTimeline } from '../structure-timeline.ts';
import { versionDates } from '../structure-versions.ts';
import { chapterUrl, decisionUrl, mermaidUrl, partnershipUrl, strategyUrl, structureUrl } from '../urls.ts';
import { statusAfter } from '../as-at.ts';
import { pageSources, type PageSources } from '../sources-view.ts';
import { partnershipShown, structureShown } from './page-sources.ts';
import { bodyViews, type BodyView } from './body-view.ts';
import { PARTNERSHIPS_CRUMBS, type Crumb } from './breadcrumbs.ts';
import { pageHistory, type PageHistoryView } from './page-history.ts';
import type { DecisionLink, Label, Link } from './view-types.ts';

/** What the banner on a dissolved partnership's page says replaced it. */
export interface DissolvedView {
  /** When it was dissolved, if recorded. */
  date?: string;
  /** What replaced it, as far as the register records; undefined when it records nothing. */
  replacement?: {
    structure?: Link;
    decision?: DecisionLink;
  };
}

/** The structure in force, as the page shows it. */
export interface CurrentStructureView {
  title: string;
  href: string;
  /** When it has been in force ("2010 to 2011"), if recorded. */
  period?: string;
  /** "9 bodies". */
  bodyCount: string;
  diagram: StructureDiagram;
  /** Where its diagram's Mermaid source can be downloaded. */
  diagramSource: string;
  bodies: BodyView[];
}

/** A version on "The structure over time". */
export interface TimelineItem {
  title: string;
  href: string;
  status: Label;
  period?: string;
  /** What it changed against the version before it (or the one in force, for a proposal). */
  against?: { title: string; changes: string };
}

/** A strategy the partnership owns. */
export interface OwnedStrategy {
  title: string;
  href: string;
  period?: string;
  /** "3 district chapters". */
  chapterCount: string;
}

/** A chapter the partnership wrote of another partnership's strategy. */
export interface ChapterItem {
  title: string;
  href: string;
  status: Label;
  /** The strategy it is a chapter of, when that is in the register. */
  strategy?: Link;
}

/** What a partnership's page shows. */
export interface PartnershipPage {
  title: string;
  description: string;
  breadcrumbs: readonly Crumb[];
  partnership: PartnershipModel;
  jsonLd: ReturnType<typeof partnershipJsonLd>;
  /** Set when the partnership is dissolved: the banner at the top. */
  dissolved?: DissolvedView;
  /** The warning at the top when the page is overdue for review. */
  reviewWarning?: string;
  kind: string;
  status: Label;
  /**
   * The words after the status, with their punctuation: ", as described in March 2006", ", date not recorded",
   * or for a dissolved partnership " in March 2019" (with its as-at after, when recorded).
   */
  statusAfter: string;
  /** When it was dissolved, for its own row; left out when the status row already says it. */
  dissolvedRow?: string;
  /** The documents the page is taken from (partnership.md's and its structure in force's), and their citations. */
  sources: PageSources;
  /** The tier of local government, when a source states it. */
  tier?: string;
  history: PageHistoryView;
  /** The page's contents list: its sections, in order, by id. */
  sections: { id: string; text: string }[];
  /** The partnership it sits under, if recorded. */
  parent?: Link;
  /** The partnerships within it, A to Z. */
  children: Link[];
  /** The structure in force, if there is one. */
  current?: CurrentStructureView;
  /** Every version of the structure in order; empty when there is only one (nothing to compare). */
  timeline: TimelineItem[];
  strategies: OwnedStrategy[];
  chapters: ChapterItem[];
  /** Its decisions and reports, newest first. */
  decisions: RegisterRow[];
  decisionsCaption: string;
  /** Data-quality notes not shown elsewhere on the page (the review warning is shown at the top). */
  notes: DataQualityNote[];
}

/** One partnership's page, for each partnership. Cheap: the pages' data is worked out as each is built. */
export function partnershipPagePaths(model: Model): { params: { id: string }; props: { partnership: PartnershipModel } }[] {
  return model.partnerships.map((partnership) => ({ params: { id: partnership.id }, props: { partnership } }));
}

/**
 * A partnership's page.
 *
 * @param options.cacheDir where the drawn diagrams are cached (the build's own by default)
 */
export function partnershipPageData(model: Model, p: PartnershipModel, options: { cacheDir?: string } = {}): PartnershipPage {
  const index = indexModel(model);
  const current = p.currentStructureId ? index.structure(p.id, p.currentStructureId) : undefined;
  const notes = partnershipNotes(model, p);
  const reviewNote = notes.find((n) => n.code === 'review-overdue' && n.file === p.file);
  const otherNotes = notes.filter((n) => n !== reviewNote);
  const timeline = structureTimeline(p);
  const hasStrategies = p.strategies.length + p.chapters.length > 0;
  const link = (x: { id: string; name: string }): Link => ({ text: x.name, href: partnershipUrl(x.id) });
  const parent = p.parent ? index.partnership(p.parent) : undefined;
  return {
    title: p.name,
    description: p.summary,
    breadcrumbs: PARTNERSHIPS_CRUMBS,
    partnership: p,
    jsonLd: partnershipJsonLd(model, p),
    ...(p.status === 'dissolved' ? { dissolved: dissolvedView(model, p) } : {}),
    ...(reviewNote ? { reviewWarning: reviewNote.text } : {}),
    kind: PARTNERSHIP_KIND_LABELS[p.kind],
    status: PARTNERSHIP_STATUS_LABELS[p.status],
    // A dissolution is dated by `dissolved`: the status row says when, and no row below repeats it.
    statusAfter: statusAfter(p, p.status === 'dissolved' ? p.dissolved : undefined),
    ...(p.dissolved && p.status !== 'dissolved' ? { dissolvedRow: p.dissolved } : {}),
    sources: pageSources(p, [partnershipShown(p), ...(current ? [structureShown(model, current)] : [])]),
    ...(p.tier ? { tier: TIER_LABELS[p.tier] } : {}),
    history: pageHistory(model.site, partnershipPageFiles(p)),
    sections: [
      { id: 'about', text: 'About this partnership' },
      { id: 'purpose', text: 'What it is for' },
      ...(p.body.trim() ? [{ id: 'background', text: 'Background' }] : []),
      { id: 'structure', text: 'How it is organised' },
      ...(hasStrategies ? [{ id: 'strategies', text: 'Strategies' }] : []),
      { id: 'decisions', text: 'Decisions and reports' },
      ...(otherNotes.length > 0 ? [{ id: 'data-quality-notes', text: 'Data-quality notes' }] : []),
      { id: 'sources', text: 'Sources' },
    ],
    ...(parent ? { parent: link(parent) } : {}),
    children: p.children
      .map((id) => index.partnership(id))
      .filter((c) => c !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map(link),
    ...(current ? { current: currentView(model, p, current, notes, options) } : {}),
    timeline:
      timeline.length > 1
        ? timeline.map(({ structure: s, baseline, changes }) => ({
            title: s.title,
            href: structureUrl(p.id, s.id),
            status: STRUCTURE_STATUS_LABELS[s.status],
            // A proposal's dates are when it was proposed, shown beside its "Proposed" tag.
            period: versionDates(s)?.text,
            ...(baseline && changes ? { against: { title: baseline.title, changes } } : {}),
          }))
        : [],
    strategies: p.strategies.map((s) => ({
      title: s.title,
      href: strategyUrl(p.id, s.id),
      period: formatPeriod(s.period?.from, s.period?.to),
      chapterCount: plural(s.chapters.length, 'district chapter'),
    })),
    chapters: p.chapters.map((c) => {
      const strategy = index.strategy(c.strategyOwnerId, c.id);
      return {
        title: c.title,
        href: chapterUrl(p.id, c.id),
        status: CHAPTER_STATUS_LABELS[c.status],
        ...(strategy ? { strategy: { text: strategy.title, href: strategyUrl(c.strategyOwnerId, c.id) } } : {}),
      };
    }),
    decisions: filterRows(registerRows(model), { partnership: p.id }),
    decisionsCaption: `Decisions and reports of ${p.name}, newest first`,
    notes: otherNotes,
  };
}

function dissolvedView(model: Model, p: PartnershipModel): DissolvedView {
  const replacement = replacementOf(p, model);
  return {
    ...(p.dissolved ? { date: p.dissolved } : {}),
    ...(replacement
      ? {
          replacement: {
            ...(replacement.structure ? { structure: { text: replacement.structure.title, href: structureUrl(p.id, replacement.structure.id) } } : {}),
            ...(replacement.decision
              ? { decision: { text: replacement.decision.title, href: decisionUrl(p.id, replacement.decision.id), date: replacement.decision.date } }
              : {}),
          },
        }
      : {}),
  };
}

function currentView(model: Model, p: PartnershipModel, current: StructureModel, notes: DataQualityNote[], options: { cacheDir?: string }): CurrentStructureView {
  return {
    title: current.title,
    href: structureUrl(p.id, current.id),
    period: formatPeriod(current.from, current.to),
    bodyCount: plural(current.bodies.length, 'body', 'bodies'),
    diagram: diagramFor(current, model, options),
    diagramSource: mermaidUrl(p.id, current.id),
    bodies: bodyViews(current, model, notes),
  };
}
