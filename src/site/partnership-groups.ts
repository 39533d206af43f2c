/**
 * Ways of listing partnerships: by tier, with each county's partnerships
 * beneath it, and A to Z.
 */
import type { Model, PartnershipModel } from '../model/index.ts';
import { TIERS } from '../schemas/index.ts';

/** A partnership with the partnerships under it. */
export interface PartnershipNode {
  partnership: PartnershipModel;
  children: PartnershipNode[];
}

/** Partnerships that sit under no other, of one tier. */
export interface TierGroup {
  /** Undefined for the partnerships whose tier is not recorded. */
  tier?: (typeof TIERS)[number];
  nodes: PartnershipNode[];
}

/**
 * Partnerships as a tree grouped by the tier of the top ones: counties first
 * with their districts beneath, then unitary authorities, and so on, and last
 * those whose tier is not recorded (a tier is written only when a source
 * states it). Within a group and beneath a partnership, names are A to Z (the
 * model's order).
 */
export function partnershipsByTier(model: Model): TierGroup[] {
  const byId = new Map(model.partnerships.map((p) => [p.id, p]));
  const node = (partnership: PartnershipModel, seen: Set<string>): PartnershipNode => ({
    partnership,
    // `seen` guards against a parent loop, which the checker reports as an error anyway.
    children: model.partnerships
      .filter((child) => child.parent === partnership.id && !seen.has(child.id))
      .map((child) => node(child, new Set([...seen, child.id]))),
  });
  const roots = model.partnerships.filter((p) => !p.parent || !byId.has(p.parent));
  const nodes = (list: PartnershipModel[]) => list.map((p) => node(p, new Set([p.id])));
  const unknown = roots.filter((p) => !p.tier);
  return [
    ...TIERS.map((tier): TierGroup => ({ tier, nodes: nodes(roots.filter((p) => p.tier === tier)) })),
    { nodes: nodes(unknown) },
  ].filter((group) => group.nodes.length > 0);
}

/** Partnerships under one initial letter. */
export interface LetterGroup {
  letter: string;
  partnerships: PartnershipModel[];
}

/**
 * Partnerships A to Z, grouped by the first letter of their name. Names that
 * start with "The" are filed under the next word, as people look for them.
 *
 * @example
 * alphabetical(model).map((g) => g.letter) // ['C', 'L', 'W']
 */
export function alphabetical(partnerships: readonly PartnershipModel[]): LetterGroup[] {
  const sortName = (p: PartnershipModel) => p.name.replace(/^the\s+/i, '');
  const groups = new Map<string, PartnershipModel[]>();
  for (const p of [...partnerships].sort((a, b) => sortName(a).localeCompare(sortName(b), 'en-GB'))) {
    const first = sortName(p).charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : '#';
    groups.set(letter, [...(groups.get(letter) ?? []), p]);
  }
  return [...groups].map(([letter, list]) => ({ letter, partnerships: list }));
}
