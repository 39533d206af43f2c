/**
 * The home page: every partnership by area and tier (each county with its
 * districts beneath), and the latest decisions.
 */
import type { Model } from '../../model/index.ts';
import { plural } from '../format.ts';
import { indexModel } from '../lookup.ts';
import { partnershipsByTier, type PartnershipNode, type TierGroup } from '../partnership-groups.ts';
import { decisionUrl, partnershipUrl } from '../urls.ts';

/** How many of the newest decisions the home page lists. */
export const LATEST_DECISIONS = 5;

/** The heading over each tier's partnerships. */
const GROUP_HEADINGS: Record<NonNullable<TierGroup['tier']>, string> = {
  county: 'Counties, with the partnerships within them',
  unitary: 'Unitary areas',
  district: 'Districts',
  neighbourhood: 'Neighbourhoods',
};

/** The heading over the partnerships whose tier no source states. */
const NO_TIER_HEADING = 'Partnerships whose tier is not recorded';

/** A decision in the home page's list. */
export interface LatestDecision {
  title: string;
  date: string;
  url: string;
  partnershipName: string;
  partnershipUrl: string;
}

/** What the home page shows. */
export interface HomePage {
  title: string;
  description: string;
  /** The register's name, the page's heading. */
  heading: string;
  publisher: string;
  /** "6 partnerships". */
  partnershipCount: string;
  /** Partnerships by the tier of the top ones, counties first. */
  groups: { heading: string; nodes: PartnershipNode[] }[];
  /** The newest decisions, newest first. */
  latest: LatestDecision[];
  /** "5 decisions": how many the register holds in all. */
  decisionCount: string;
}

/** The home page's view of the register. */
export function homePageData(model: Model): HomePage {
  const index = indexModel(model);
  return {
    title: 'Home',
    description: `The partnerships, structures, strategies and decisions recorded by ${model.site.publisher}.`,
    heading: model.site.title,
    publisher: model.site.publisher,
    partnershipCount: plural(model.partnerships.length, 'partnership'),
    groups: partnershipsByTier(model).map((group) => ({ heading: group.tier ? GROUP_HEADINGS[group.tier] : NO_TIER_HEADING, nodes: group.nodes })),
    latest: model.decisions.slice(0, LATEST_DECISIONS).map((decision) => ({
      title: decision.title,
      date: decision.date,
      url: decisionUrl(decision.partnershipId, decision.id),
      partnershipName: index.partnership(decision.partnershipId)?.name ?? decision.partnershipId,
      partnershipUrl: partnershipUrl(decision.partnershipId),
    })),
    decisionCount: plural(model.decisions.length, 'decision'),
  };
}
