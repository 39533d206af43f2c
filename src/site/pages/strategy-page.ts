/**
 * A strategy (`/partnerships/<owner>/strategies/<strategy>/`) with its
 * objectives and every district chapter written for it: the "top down"
 * objectives with the "bottom up" priorities that serve each.
 */
import type { ChapterModel, Model, PartnershipModel, StrategyModel } from '../../model/index.ts';
import { formatPeriod, plural } from '../format.ts';
import { CHAPTER_STATUS_LABELS, STRATEGY_KIND_LABELS } from '../labels.ts';
import { indexModel } from '../lookup.ts';
import { notesForFiles, type DataQualityNote } from '../notes.ts';
import { chapterUrl, partnershipUrl } from '../urls.ts';
import { servedByObjective, type ServedByView } from '../scrutiny/served-by.ts';
import { pageSources, type PageSources } from '../sources-view.ts';
import { shown } from './page-sources.ts';
import { partnershipCrumbs, type Crumb } from './breadcrumbs.ts';
import { pageHistory, type PageHistoryView } from './page-history.ts';
import type { Label, Link } from './view-types.ts';

/** An objective, with the district priorities that serve it. */
export interface ObjectiveView {
  /** The id of its heading, which chapters' pages link to. */
  anchor: string;
  title: string;
  /** Who leads it, or "not recorded". */
  lead: string;
  /** Priorities under it from every chapter, chapters A to Z by partnership. */
  serving: { title: string; href: string; partnershipName: string }[];
  /** The decisions that serve it, directly or through a chapter's priority, with their money. */
  servedBy: ServedByView;
}

/** A district's chapter, as the strategy's page lists it. */
export interface StrategyChapterView {
  title: string;
  href: string;
  status: Label;
  /** The partnership that wrote it. */
  partnership: Link;
  /** When it was agreed, if recorded. */
  agreed?: string;
  /** "3 priorities". */
  priorityCount: string;
  /** Its priorities, each with the title of the objective it serves (or the objective's id, if the strategy has none by that id). */
  priorities: { title: string; serves: string }[];
  /** The data-quality notes about the chapter's own file, shown beside it: they are the chapter's, not the strategy's. */
  notes: DataQualityNote[];
}

/** What a strategy's page shows. */
export interface StrategyPage {
  title: string;
  description: string;
  breadcrumbs: readonly Crumb[];
  /** The partnership that owns it. */
  partnership: { id: string; name: string };
  /** Its page. */
  ownerUrl: string;
  history: PageHistoryView;
  kind: string;
  period?: string;
  /** The notes about the strategy's own file; each chapter's are shown beside that chapter. */
  notes: DataQualityNote[];
  /** The documents it is taken from, and its facts' citations. */
  sources: PageSources;
  /** The strategy's file, where its citations are. */
  file: string;
  /** The vision, in Markdown, if it has one. */
  vision?: string;
  objectives: ObjectiveView[];
  /** Its district chapters, A to Z by partnership. */
  chapters: StrategyChapterView[];
}

/** One page for each strategy, under the partnership that owns it. */
export function strategyPagePaths(model: Model): { params: { id: string; strategy: string }; props: { partnership: PartnershipModel; strategy: StrategyModel } }[] {
  return model.partnerships.flatMap((partnership) =>
    partnership.strategies.map((strategy) => ({ params: { id: partnership.id, strategy: strategy.id }, props: { partnership, strategy } })),
  );
}

/** A strategy's page. */
export function strategyPageData(model: Model, p: PartnershipModel, s: StrategyModel): StrategyPage {
  const index = indexModel(model);
  const chapters = s.chapters
    .flatMap(({ partnershipId }): { partnership: PartnershipModel; chapter: ChapterModel }[] => {
      const partnership = index.partnership(partnershipId);
      const chapter = index.chapter(partnershipId, s.id);
      return partnership && chapter ? [{ partnership, chapter }] : [];
    })
    .sort((a, b) => a.partnership.name.localeCompare(b.partnership.name, 'en-GB'));
  const period = formatPeriod(s.period?.from, s.period?.to);
  return {
    title: s.title,
    description: `${STRATEGY_KIND_LABELS[s.kind]} of ${p.name}${period ? `, ${period}` : ''}.`,
    breadcrumbs: partnershipCrumbs(p),
    partnership: { id: p.id, name: p.name },
    ownerUrl: partnershipUrl(p.id),
    history: pageHistory(model.site, [s.file]),
    kind: STRATEGY_KIND_LABELS[s.kind],
    period,
    notes: notesForFiles(model, [s.file]),
    sources: pageSources(p, [shown(s)]),
    file: s.file,
    ...(s.vision ? { vision: s.vision } : {}),
    objectives: s.objectives.map((objective) => ({
      anchor: `objective-${objective.id}`,
      title: objective.title,
      lead: objective.lead ?? 'not recorded',
      serving: chapters.flatMap(({ partnership, chapter }) =>
        chapter.priorities
          .filter((priority) => priority.objective === objective.id)
          .map((priority) => ({ title: priority.title, href: `${chapterUrl(partnership.id, s.id)}#priority-${priority.id}`, partnershipName: partnership.name })),
      ),
      servedBy: servedByObjective(model, p.id, s.id, objective.id),
    })),
    chapters: chapters.map(({ partnership, chapter }) => ({
      title: chapter.title,
      href: chapterUrl(partnership.id, chapter.id),
      status: CHAPTER_STATUS_LABELS[chapter.status],
      partnership: { text: partnership.name, href: partnershipUrl(partnership.id) },
      ...(chapter.agreed ? { agreed: chapter.agreed } : {}),
      priorityCount: plural(chapter.priorities.length, 'priority', 'priorities'),
      priorities: chapter.priorities.map((priority) => ({
        title: priority.title,
        serves: s.objectives.find((o) => o.id === priority.objective)?.title ?? priority.objective,
      })),
      notes: notesForFiles(model, [chapter.file]),
    })),
  };
}
