/**
 * A partnership's chapter of another partnership's strategy
 * (`/partnerships/<id>/chapters/<strategy>/`): its priorities, the objective
 * each serves, who leads it, the evidence and the measures.
 */
import type { ChapterModel, Model, PartnershipModel } from '../../model/index.ts';
import { formatPeriod, plural } from '../format.ts';
import { CHAPTER_STATUS_LABELS } from '../labels.ts';
import { indexModel } from '../lookup.ts';
import { notesForFiles, type DataQualityNote } from '../notes.ts';
import { partnershipUrl, strategyUrl } from '../urls.ts';
import { statusAsAt } from '../as-at.ts';
import { servedByPriority, type ServedByView } from '../scrutiny/served-by.ts';
import { pageSources, type PageSources } from '../sources-view.ts';
import { shown } from './page-sources.ts';
import { partnershipCrumbs, type Crumb } from './breadcrumbs.ts';
import { pageHistory, type PageHistoryView } from './page-history.ts';
import type { Label, Link } from './view-types.ts';

/** A priority of the chapter. */
export interface PriorityView {
  /** The id of its section, which the strategy's page links to. */
  anchor: string;
  title: string;
  /** The objective it serves: linked to the strategy's page when the strategy has it, else its id as written. */
  objective: { text: string; href?: string };
  /** Who leads it, or "Not recorded". */
  lead: string;
  /** The evidence, in Markdown, if given. */
  evidence?: string;
  /** How progress is measured, if given. */
  measures?: NonNullable<ChapterModel['priorities'][number]['measures']>;
  /** The decisions that serve it, with their money. */
  servedBy: ServedByView;
}

/** What a chapter's page shows. */
export interface ChapterPage {
  title: string;
  description: string;
  breadcrumbs: readonly Crumb[];
  /** The partnership that wrote it. */
  partnership: { id: string; name: string };
  heading: string;
  history: PageHistoryView;
  status: Label;
  /** The strategy it is a chapter of, when the register has it, with the strategy's period. */
  strategy?: Link & { period?: string };
  /** The strategy's id as the chapter names it, shown when the register does not have the strategy. */
  strategyId: string;
  /** The partnership that owns the strategy, when the register has it. */
  owner?: Link;
  /** When it was agreed, if recorded. */
  agreed?: string;
  priorityCount: number;
  notes: DataQualityNote[];
  /** When the status was last known: "as described in March 2011", or "date not recorded". */
  statusAsAt: string;
  /** The documents it is taken from, and its facts' citations. */
  sources: PageSources;
  /** The chapter's file, where its citations are. */
  file: string;
  priorities: PriorityView[];
  /** The chapter's own text, in Markdown; empty when it has none. */
  body: string;
}

/** One page for each chapter, under the partnership that wrote it. */
export function chapterPagePaths(model: Model): { params: { id: string; strategy: string }; props: { partnership: PartnershipModel; chapter: ChapterModel } }[] {
  return model.partnerships.flatMap((partnership) =>
    partnership.chapters.map((chapter) => ({ params: { id: partnership.id, strategy: chapter.id }, props: { partnership, chapter } })),
  );
}

/** A chapter's page. */
export function chapterPageData(model: Model, p: PartnershipModel, c: ChapterModel): ChapterPage {
  const index = indexModel(model);
  const owner = index.partnership(c.strategyOwnerId);
  const strategy = index.strategy(c.strategyOwnerId, c.id);
  const strategyLink = strategyUrl(c.strategyOwnerId, c.id);
  return {
    title: `${c.title} – ${p.name}`,
    description: `${p.name}'s chapter of ${strategy?.title ?? 'a strategy'}: ${plural(c.priorities.length, 'priority', 'priorities')}.`,
    breadcrumbs: partnershipCrumbs(p),
    partnership: { id: p.id, name: p.name },
    heading: c.title,
    history: pageHistory(model.site, [c.file]),
    status: CHAPTER_STATUS_LABELS[c.status],
    ...(strategy ? { strategy: { text: strategy.title, href: strategyLink, period: formatPeriod(strategy.period?.from, strategy.period?.to) } } : {}),
    strategyId: c.strategy,
    ...(owner ? { owner: { text: owner.name, href: partnershipUrl(owner.id) } } : {}),
    ...(c.agreed ? { agreed: c.agreed } : {}),
    priorityCount: c.priorities.length,
    notes: notesForFiles(model, [c.file]),
    statusAsAt: statusAsAt(c),
    sources: pageSources(p, [shown(c)]),
    file: c.file,
    priorities: c.priorities.map((priority): PriorityView => {
      const objective = strategy?.objectives.find((o) => o.id === priority.objective);
      return {
        anchor: `priority-${priority.id}`,
        title: priority.title,
        objective: objective ? { text: objective.title, href: `${strategyLink}#objective-${objective.id}` } : { text: priority.objective },
        lead: priority.lead ?? 'Not recorded',
        ...(priority.evidence ? { evidence: priority.evidence } : {}),
        ...(priority.measures && priority.measures.length > 0 ? { measures: priority.measures } : {}),
        servedBy: servedByPriority(model, p.id, c.id, priority.id),
      };
    }),
    body: c.body.trim() ? c.body : '',
  };
}
