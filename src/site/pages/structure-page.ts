/**
 * A version of a partnership's structure
 * (`/partnerships/<id>/structures/<structure>/`): its diagram and bodies, the
 * decision that adopted or proposed it, what it changes against the version it
 * would replace (or the one before it), and the versions either side.
 */
import { diagramFor, type StructureDiagram } from '../../diagrams/index.ts';
import type { Model, PartnershipModel, StructureModel } from '../../model/index.ts';
import { compareStructures, type StructureComparison } from '../compare-structures.ts';
import { plural } from '../format.ts';
import { STRUCTURE_STATUS_LABELS } from '../labels.ts';
import { indexModel } from '../lookup.ts';
import { notesForFiles, type DataQualityNote } from '../notes.ts';
import { baselineFor, versionDates, versionsInOrder } from '../structure-versions.ts';
import { decisionUrl, mermaidUrl, structureUrl } from '../urls.ts';
import { statusAsAt } from '../as-at.ts';
import { pageSources, type PageSources } from '../sources-view.ts';
import { partnershipShown, structureShown } from './page-sources.ts';
import { bodyViews, type BodyView } from './body-view.ts';
import { partnershipCrumbs, type Crumb } from './breadcrumbs.ts';
import { pageHistory, type PageHistoryView } from './page-history.ts';
import type { DecisionLink, Label, Link } from './view-types.ts';

/** What a structure's page shows. */
export interface StructurePage {
  title: string;
  description: string;
  breadcrumbs: readonly Crumb[];
  /** The partnership it belongs to, for the caption and its feed. */
  partnership: { id: string; name: string };
  heading: string;
  history: PageHistoryView;
  status: Label;
  /** When the status was last known: "as described in March 2006", or "date not recorded". */
  statusAsAt: string;
  /** The documents it is taken from, and its facts' citations. */
  sources: PageSources;
  /** When it is or was in force, or when it was proposed (a proposal was never in force), if recorded. */
  period?: ReturnType<typeof versionDates>;
  bodyCount: number;
  /** "Proposed by" or "Adopted by", the decision's row. */
  decidedByKey: string;
  /** The decision that proposed or adopted it, if recorded. */
  decidedBy?: DecisionLink;
  /** Other published decisions about it, newest first. */
  otherDecisions: DecisionLink[];
  notes: DataQualityNote[];
  diagram: StructureDiagram;
  /** Where its diagram's Mermaid source can be downloaded. */
  diagramSource: string;
  /** What it changes against the version it is compared with; none for the first version. */
  changes?: { comparison: StructureComparison; baseline: StructureModel };
  bodies: BodyView[];
  /** The version before it, in time order; a proposal is labelled as one. */
  previous?: Link & { label: string };
  /** The version after it; a proposal is labelled as one. */
  next?: Link & { label: string };
}

/** One page for each version of each partnership's structure. */
export function structurePagePaths(model: Model): { params: { id: string; structure: string }; props: { partnership: PartnershipModel; structure: StructureModel } }[] {
  return model.partnerships.flatMap((partnership) =>
    partnership.structures.map((structure) => ({ params: { id: partnership.id, structure: structure.id }, props: { partnership, structure } })),
  );
}

/**
 * A structure's page.
 *
 * @param options.cacheDir where the drawn diagrams are cached (the build's own by default)
 */
export function structurePageData(model: Model, p: PartnershipModel, s: StructureModel, options: { cacheDir?: string } = {}): StructurePage {
  const index = indexModel(model);
  const status = STRUCTURE_STATUS_LABELS[s.status];
  const decidedBy = s.decided_by ? index.decision(s.decided_by, p.id) : undefined;
  const baseline = baselineFor(p, s);
  const versions = versionsInOrder(p);
  const position = versions.indexOf(s);
  const previous = versions[position - 1];
  const next = versions[position + 1];
  const notes = notesForFiles(model, [s.file]);
  return {
    title: `${s.title} – ${p.name}`,
    description: `${status.text} structure of ${p.name}: ${plural(s.bodies.length, 'body', 'bodies')}.`,
    breadcrumbs: partnershipCrumbs(p),
    partnership: { id: p.id, name: p.name },
    heading: s.title,
    statusAsAt: statusAsAt(s),
    sources: pageSources(p, [structureShown(model, s)]),
    history: pageHistory(model.site, [s.file]),
    status,
    period: versionDates(s),
    bodyCount: s.bodies.length,
    decidedByKey: s.status === 'proposed' ? 'Proposed by' : 'Adopted by',
    ...(decidedBy ? { decidedBy: { text: decidedBy.title, href: decisionUrl(p.id, decidedBy.id), date: decidedBy.date } } : {}),
    otherDecisions: p.decisions
      .filter((d) => d.public && d.structure === s.id && d !== decidedBy)
      .map((d) => ({ text: d.title, href: decisionUrl(p.id, d.id), date: d.date })),
    notes,
    diagram: diagramFor(s, model, options),
    diagramSource: mermaidUrl(p.id, s.id),
    ...(baseline ? { changes: { comparison: compareStructures(baseline, s), baseline } } : {}),
    bodies: bodyViews(s, model, notes),
    ...(previous ? { previous: { text: previous.title, href: structureUrl(p.id, previous.id), label: previous.status === 'proposed' ? 'Earlier proposal' : 'Earlier version' } } : {}),
    ...(next ? { next: { text: next.title, href: structureUrl(p.id, next.id), label: next.status === 'proposed' ? 'Later proposal' : 'Later version' } } : {}),
  };
}
