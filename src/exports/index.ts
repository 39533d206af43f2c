/**
 * Views of the model for other programs: feeds, open data, schema.org and
 * the sitemap. Each is a pure function of the model (and, for dates, of the
 * git history passed in), so the same input gives byte-identical files.
 */
export { decisionsFeed, fundingSummary, KIND_SCHEME, partnershipFeedUrl, STATUS_SCHEME, type FeedOptions } from './atom.ts';
export { emptyFeedUpdated } from './feed-updated.ts';
export { allocationRows, allocationsCsv, ALLOCATION_ATTRIBUTION_FIELDS, ALLOCATION_COLUMNS, type AllocationRow } from './allocations.ts';
export { allocationMaker, decisionAmount, type AllocationMaker, type DecisionAmount } from './attribution.ts';
export { isPartialDate, latestTimestamp, toFullDate, toTimestamp } from './dates.ts';
export { decisionRecord, decisionsJson, moneyValue, type MoneyValue } from './decisions-json.ts';
export { decisionJsonLd, partnershipJsonLd, partnershipNodeId } from './json-ld.ts';
export { partnershipRecord, partnershipsJson } from './partnerships-json.ts';
export { bodyOrganizationId, structuresPopolo, uniqueSlugs } from './popolo.ts';
export { absoluteUrl, licenceOf, licenceUrl, OGL_V3_URL } from './site-links.ts';
export { partnershipPageFiles, robotsTxt, sitemapXml, sitePages, type SitePage } from './sitemap.ts';
export { csvField, escapeXml, inlineJson, toCsv, toJsonFile } from './text.ts';
export { allocationsLeftOutOf360Giving, grantPrefix, grantsLeftOutText, type GrantsLeftOut, grants360Giving, grantTitle, GIVING_SCHEMA_VERSION, STATUS_VOCABULARY, STREAM_VOCABULARY } from './three-sixty-giving.ts';
