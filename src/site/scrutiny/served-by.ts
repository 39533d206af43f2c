/**
 * Plans followed to the money: which decisions serve each objective of a
 * strategy (directly, or through a district chapter's priority under it) and
 * each priority of a chapter, with their dates, status and what each decision
 * itself decides, by stream, and a total.
 *
 * The money is only what a decision itself decides (the model's
 * `decidedAmount`): allocations a report merely records were decided
 * elsewhere. A decision whose amount is not recorded is listed and said to be
 * uncounted, never counted as £0. A rejected decision decided no money: it is
 * listed, and left out of the total. Figures a year (`per: year`) are totalled
 * apart from one-off sums, which they cannot be added to. An exempt decision
 * publishes only its title and date, so what it serves is not published here.
 *
 * Which decisions serve what is worked out once per model, so each strategy,
 * chapter and decision page looks its own list up instead of scanning every
 * decision.
 */
import type { DecisionModel, Model, ServedTarget, StreamFigures } from '../../model/index.ts';
import { recordedTotal } from '../../rules/funding.ts';
import { formatPounds } from '../../schemas/money.ts';
import { plural } from '../format.ts';
import { moneyCell } from '../funding-view.ts';
import { DECISION_STATUS_LABELS } from '../labels.ts';
import { indexModel } from '../lookup.ts';
import type { Label, Link } from './shapes.ts';
import { chapterUrl, decisionUrl, partnershipUrl, strategyUrl } from '../urls.ts';

/** A decision's money in words, by stream. */
export interface MoneyView {
  revenue: string;
  capital: string;
  total: string;
  /** Whether the figures are a year's (a recurring budget). */
  perYear: boolean;
}

/** One decision that serves an objective or a priority. */
export interface ServingDecision {
  title: string;
  href: string;
  /** As precise as the source: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  partnership: Link;
  status: Label;
  /** How it serves an objective: directly, or through a district priority (empty for a priority's own list). */
  through: { direct: boolean; priorities: (Link & { partnershipName: string })[] };
  /** What the decision itself decides; absent when not recorded. */
  amount?: MoneyView;
  /** Whether its amount is in the total: not when rejected. */
  counted: boolean;
}

/** Sums of what decisions decide, in pence; a stream no decision counted records stays null, never £0.00. */
export interface MoneyTotals extends StreamFigures {
  total: number;
  /** How many decisions the sum is of. */
  decisions: number;
}

/** The decisions serving one objective or priority, and what they add up to. */
export interface ServedByView {
  /** Newest first. */
  decisions: ServingDecision[];
  /** One-off sums, and sums a year, of the counted decisions whose amount is recorded. */
  totals: { oneOff?: MoneyTotals; perYear?: MoneyTotals };
  /** Counted decisions whose amount is not recorded. */
  notRecorded: number;
  /** Rejected decisions, listed and not counted. */
  rejected: number;
  /** The total in one sentence: "£5,000.00, plus 2 decisions whose amount is not recorded." */
  totalText: string;
  /** What to say when no decision serves it. */
  emptyText: string;
}

/** A decision and how it serves one objective or priority. */
interface Serving {
  decision: DecisionModel;
  direct: boolean;
  /** The priorities through which it serves an objective. */
  priorities: Extract<ServedTarget, { type: 'priority' }>[];
}

const objectiveKey = (ownerId: string, strategyId: string, objectiveId: string) => `${ownerId}/${strategyId}/${objectiveId}`;
const priorityKey = (partnershipId: string, strategyId: string, priorityId: string) => `${partnershipId}/${strategyId}/${priorityId}`;

const indexes = new WeakMap<Model, { objectives: Map<string, Serving[]>; priorities: Map<string, Serving[]> }>();

/** Who serves what, for a model: one pass over its decisions, newest first. */
function servingIndex(model: Model) {
  const existing = indexes.get(model);
  if (existing) return existing;
  const objectives = new Map<string, Serving[]>();
  const priorities = new Map<string, Serving[]>();
  const entry = (map: Map<string, Serving[]>, key: string, decision: DecisionModel): Serving => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    // A decision that names an objective twice, or two priorities under it, is one decision: listed and counted once.
    let serving = list.at(-1)?.decision === decision ? list.at(-1) : undefined;
    if (!serving) list.push((serving = { decision, direct: false, priorities: [] }));
    return serving;
  };
  for (const decision of model.decisions) {
    if (!decision.public) continue;
    for (const target of decision.servesResolved) {
      const objective = entry(objectives, objectiveKey(target.ownerId, target.strategyId, target.objectiveId), decision);
      if (target.type === 'objective') objective.direct = true;
      else {
        if (!objective.priorities.some((p) => p.partnershipId === target.partnershipId && p.priorityId === target.priorityId)) objective.priorities.push(target);
        entry(priorities, priorityKey(target.partnershipId, target.strategyId, target.priorityId), decision).direct = true;
      }
    }
  }
  const index = { objectives, priorities };
  indexes.set(model, index);
  return index;
}

/** What a decision itself decides, in words; undefined when the register does not record it. */
function moneyOf(decision: DecisionModel): MoneyView | undefined {
  const amount = decision.funding?.decidedAmount;
  if (!amount) return undefined;
  return { revenue: moneyCell(amount.revenue), capital: moneyCell(amount.capital), total: formatPounds(recordedTotal(amount) ?? 0), perYear: decision.funding?.per === 'year' };
}

/** The view of the decisions serving something, from the index's list. */
function servedBy(model: Model, servings: readonly Serving[] | undefined, what: string): ServedByView {
  const index = indexModel(model);
  const sums: { oneOff?: MoneyTotals; perYear?: MoneyTotals } = {};
  let notRecorded = 0;
  let rejected = 0;
  const decisions = (servings ?? []).map(({ decision, direct, priorities }): ServingDecision => {
    const counted = decision.status !== 'rejected';
    const amount = decision.funding?.decidedAmount;
    if (!counted) rejected++;
    else if (!amount) notRecorded++;
    else {
      const key = decision.funding?.per === 'year' ? 'perYear' : 'oneOff';
      const sum = (sums[key] ??= { revenue: null, capital: null, total: 0, decisions: 0 });
      if (amount.revenue != null) sum.revenue = (sum.revenue ?? 0) + amount.revenue;
      if (amount.capital != null) sum.capital = (sum.capital ?? 0) + amount.capital;
      sum.total += recordedTotal(amount) ?? 0;
      sum.decisions++;
    }
    const money = moneyOf(decision);
    return {
      title: decision.title,
      href: decisionUrl(decision.partnershipId, decision.id),
      date: decision.date,
      partnership: { text: index.partnership(decision.partnershipId)?.name ?? decision.partnershipId, href: partnershipUrl(decision.partnershipId) },
      status: DECISION_STATUS_LABELS[decision.status],
      through: {
        direct,
        priorities: priorities.map((p) => {
          const chapter = index.chapter(p.partnershipId, p.strategyId);
          return {
            text: chapter?.priorities.find((x) => x.id === p.priorityId)?.title ?? p.priorityId,
            href: `${chapterUrl(p.partnershipId, p.strategyId)}#priority-${p.priorityId}`,
            partnershipName: index.partnership(p.partnershipId)?.name ?? p.partnershipId,
          };
        }),
      },
      ...(money ? { amount: money } : {}),
      counted,
    };
  });
  return { decisions, totals: sums, notRecorded, rejected, totalText: totalSentence(sums, notRecorded, rejected), emptyText: `No decision in the register is recorded as serving this ${what}.` };
}

/**
 * The total in words: the one-off sum, the sum a year, and what is left out.
 *
 * @example
 * totalSentence({ oneOff: { revenue: 500000, capital: null, total: 500000, decisions: 1 } }, 2, 0)
 * // '£5,000.00, plus 2 decisions whose amount is not recorded.'
 */
export function totalSentence(sums: { oneOff?: MoneyTotals; perYear?: MoneyTotals }, notRecorded: number, rejected: number): string {
  const amounts = [
    ...(sums.oneOff ? [formatPounds(sums.oneOff.total)] : []),
    ...(sums.perYear ? [`${formatPounds(sums.perYear.total)} a year`] : []),
  ].join(' and ');
  const unrecorded = `${plural(notRecorded, 'decision')} whose amount is not recorded`;
  let sentence: string;
  if (amounts) sentence = notRecorded > 0 ? `${amounts}, plus ${unrecorded}` : amounts;
  else if (notRecorded === 1) sentence = 'Not known: the amount of the one decision counted is not recorded';
  else if (notRecorded > 1) sentence = `Not known: the amount is not recorded for any of the ${plural(notRecorded, 'decision')} counted`;
  else sentence = 'No money is counted';
  const left = rejected === 0 ? '' : rejected === 1 ? ' A rejected decision is listed but not counted.' : ` ${plural(rejected, 'rejected decision')} are listed but not counted.`;
  return `${sentence}.${left}`;
}

/**
 * The decisions that serve an objective of a strategy: those that name it, and
 * those that name a district chapter's priority under it.
 *
 * @example
 * servedByObjective(model, 'worcestershire-partnership', 'scs-2011', 'skilled-prosperous-economy').emptyText
 * // 'No decision in the register is recorded as serving this objective.'
 */
export function servedByObjective(model: Model, ownerId: string, strategyId: string, objectiveId: string): ServedByView {
  return servedBy(model, servingIndex(model).objectives.get(objectiveKey(ownerId, strategyId, objectiveId)), 'objective');
}

/**
 * The decisions that serve a priority of a partnership's chapter of a strategy.
 *
 * @example
 * servedByPriority(model, 'worcester-lsp', 'scs-2011', 'private-sector-jobs').decisions // newest first
 */
export function servedByPriority(model: Model, partnershipId: string, strategyId: string, priorityId: string): ServedByView {
  return servedBy(model, servingIndex(model).priorities.get(priorityKey(partnershipId, strategyId, priorityId)), 'priority');
}

/** Something a decision serves, as its page lists it. */
export interface ServedItem extends Link {
  /** `Objective` or `Priority`. */
  kind: string;
  /** Where it sits: "Worcestershire Sustainable Community Strategy (Worcestershire Partnership)", or the chapter's title and partnership. */
  within: Link;
  /** For a priority, the objective of the strategy it serves, when the strategy has it. */
  objective?: Link;
}

/**
 * What a decision serves, in the order `serves` names them. An exempt
 * decision's page shows only its title and date, so it lists nothing.
 *
 * @example
 * decisionServes(model, decision)[0] // { kind: 'Objective', text: 'A skilled and prosperous economy', href: '/partnerships/…/strategies/scs-2011/#objective-…', within: { … } }
 */
export function decisionServes(model: Model, decision: DecisionModel): ServedItem[] {
  if (!decision.public) return [];
  const index = indexModel(model);
  return decision.servesResolved.map((target): ServedItem => {
    const strategy = index.strategy(target.ownerId, target.strategyId);
    const objective = strategy?.objectives.find((o) => o.id === target.objectiveId);
    const objectiveLink = objective ? { text: objective.title, href: `${strategyUrl(target.ownerId, target.strategyId)}#objective-${objective.id}` } : undefined;
    const owner = index.partnership(target.ownerId)?.name ?? target.ownerId;
    if (target.type === 'objective') {
      return {
        kind: 'Objective',
        text: objective?.title ?? target.objectiveId,
        href: objectiveLink?.href ?? strategyUrl(target.ownerId, target.strategyId),
        within: { text: `${strategy?.title ?? target.strategyId} (${owner})`, href: strategyUrl(target.ownerId, target.strategyId) },
      };
    }
    const chapter = index.chapter(target.partnershipId, target.strategyId);
    const partnership = index.partnership(target.partnershipId)?.name ?? target.partnershipId;
    return {
      kind: 'Priority',
      text: chapter?.priorities.find((p) => p.id === target.priorityId)?.title ?? target.priorityId,
      href: `${chapterUrl(target.partnershipId, target.strategyId)}#priority-${target.priorityId}`,
      within: { text: `${chapter?.title ?? target.strategyId} (${partnership})`, href: chapterUrl(target.partnershipId, target.strategyId) },
      ...(objectiveLink ? { objective: objectiveLink } : {}),
    };
  });
}
