/**
 * Finding things in the model by id. Built once per model and shared by every
 * page, so a build with thousands of pages never searches lists page by page.
 */
import { decisionReference } from '../schemas/index.ts';
import type { ChapterModel, DecisionModel, Model, PartnershipModel, StrategyModel, StructureModel } from '../model/index.ts';

/** Look-ups over one model. */
export interface ModelIndex {
  /** A partnership by id. */
  partnership(id: string): PartnershipModel | undefined;
  /** A structure of a partnership. */
  structure(partnershipId: string, structureId: string): StructureModel | undefined;
  /**
   * A decision named the way content names it: a bare id within the partnership
   * `from`, or `<partnership-id>/<decision-id>` for another partnership's.
   */
  decision(reference: string, from: string): DecisionModel | undefined;
  /** A strategy by its owner and id. */
  strategy(ownerId: string, strategyId: string): StrategyModel | undefined;
  /** A partnership's chapter of a strategy. */
  chapter(partnershipId: string, strategyId: string): ChapterModel | undefined;
}

const indexes = new WeakMap<Model, ModelIndex>();

/** The look-ups for a model, built on first use. */
export function indexModel(model: Model): ModelIndex {
  const existing = indexes.get(model);
  if (existing) return existing;
  const partnerships = new Map(model.partnerships.map((p) => [p.id, p]));
  const structures = new Map<string, StructureModel>();
  const decisions = new Map<string, DecisionModel>();
  const strategies = new Map<string, StrategyModel>();
  const chapters = new Map<string, ChapterModel>();
  for (const p of model.partnerships) {
    for (const s of p.structures) structures.set(`${p.id}/${s.id}`, s);
    for (const d of p.decisions) decisions.set(`${p.id}/${d.id}`, d);
    for (const s of p.strategies) strategies.set(`${p.id}/${s.id}`, s);
    for (const c of p.chapters) chapters.set(`${p.id}/${c.id}`, c);
  }
  const index: ModelIndex = {
    partnership: (id) => partnerships.get(id),
    structure: (partnershipId, structureId) => structures.get(`${partnershipId}/${structureId}`),
    decision: (reference, from) => {
      const { partnershipId, decisionId } = decisionReference(reference, from);
      return decisions.get(`${partnershipId}/${decisionId}`);
    },
    strategy: (ownerId, strategyId) => strategies.get(`${ownerId}/${strategyId}`),
    chapter: (partnershipId, strategyId) => chapters.get(`${partnershipId}/${strategyId}`),
  };
  indexes.set(model, index);
  return index;
}
