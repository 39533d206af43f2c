/**
 * `structures.json`: who sits where, in the shape of the Popolo standard
 * (popoloproject.com) that civic-tech tools read. Each partnership is an
 * organization; each body of each structure version is an organization whose
 * `parent_id` is the body it reports to, or else the partnership it is part
 * of, so following `parent_id` walks the reporting lines. Whether a body at
 * the top reports to no other body is what `reports_to` says: the body's
 * organization id, "none" when the document says it reports to no one, or
 * null when the register does not record it. Sizes, meetings a year and terms
 * are the Quantity the document gives (`6`, `{ "approx": 6 }`), never rounded.
 * Seats are posts, one per sector, with their count and category. Popolo has
 * no notion of structure versions or of links that are not reporting lines,
 * so `structures`, `reporting_lines` and `relations` are added beside it,
 * with each structure's sources and each body's and seat's citations.
 */
import { seatsByCategory } from '../site/scrutiny/compare.ts';
import type { BodyModel, Model, PartnershipModel, StructureModel } from '../model/index.ts';
import { REPORTS_TO_NONE } from '../rules/bodies.ts';
import { slugify } from '../schemas/index.ts';
import { statusDate } from '../site/as-at.ts';
import { HOME_URL, partnershipUrl, structureUrl } from '../site/urls.ts';
import { citationRecords, discrepancyRecords, sourceRecords } from './provenance.ts';
import { absoluteUrl, licenceOf } from './site-links.ts';

/** The body a body reports to, when `reports_to` names one (not `none`, not absent). */
function reportsToBody(body: BodyModel): string | undefined {
  return body.reports_to != null && body.reports_to !== REPORTS_TO_NONE ? body.reports_to : undefined;
}

/** `reports_to` as open data: the organization id of the body reported to, "none", or null (not recorded). */
function reportsToRecord(s: StructureModel, body: BodyModel): string | null {
  const to = reportsToBody(body);
  if (to) return bodyOrganizationId(s, to);
  return body.reports_to === REPORTS_TO_NONE ? REPORTS_TO_NONE : null;
}

/** A body's organization id: unique across the register, stable while ids are. */
export function bodyOrganizationId(structure: Pick<StructureModel, 'partnershipId' | 'id'>, bodyId: string): string {
  return `${structure.partnershipId}/${structure.id}/${bodyId}`;
}

/**
 * Slugs made unique within one list by numbering repeats (`business`, `business-2`),
 * so post ids survive edits elsewhere in the list.
 */
export function uniqueSlugs(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const slug = slugify(text) || 'item';
    const n = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, n);
    return n === 1 ? slug : `${slug}-${n}`;
  });
}

function bodyOrganization(site: Model['site'], p: PartnershipModel, s: StructureModel, body: BodyModel) {
  const to = reportsToBody(body);
  return {
    id: bodyOrganizationId(s, body.id),
    name: body.name,
    classification: body.kind,
    parent_id: to ? bodyOrganizationId(s, to) : p.id,
    reports_to: reportsToRecord(s, body),
    structure_id: `${p.id}/${s.id}`,
    purpose: body.purpose == null ? null : [...body.purpose],
    size: body.size ?? null,
    voting_seats: body.votingSeats ?? null,
    advisory_seats: body.advisorySeats ?? null,
    seats_by_category: seatsByCategory(body),
    chair: body.chair ?? null,
    quorum: body.quorum ?? null,
    meetings_per_year: body.meetings_per_year ?? null,
    term_years: body.term_years ?? null,
    state: body.state ?? null,
    statutory: body.statutory ?? null,
    goals: body.goals == null ? null : [...body.goals],
    notes: body.notes ?? null,
    cite: citationRecords(body.cite),
    discrepancies: discrepancyRecords(body.discrepancies),
    links: [{ url: absoluteUrl(site, structureUrl(p.id, s.id)), note: 'Structure page' }],
  };
}

function bodyPosts(s: StructureModel, body: BodyModel) {
  const organizationId = bodyOrganizationId(s, body.id);
  const dates = { start_date: s.from ?? null, end_date: s.to ?? null };
  const seats = body.seats ?? [];
  const seatIds = uniqueSlugs(seats.map((seat) => seat.sector));
  const members = body.members ?? [];
  const memberIds = uniqueSlugs(members);
  return [
    ...seats.map((seat, i) => ({
      id: `${organizationId}/seats/${seatIds[i]}`,
      label: seat.sector,
      role: seat.voting === false ? 'Advisory member' : 'Member',
      organization_id: organizationId,
      seats: seat.count,
      voting: seat.voting !== false,
      classification: seat.category ?? null,
      cite: citationRecords(seat.cite),
      ...dates,
    })),
    ...members.map((member, i) => ({
      id: `${organizationId}/members/${memberIds[i]}`,
      label: member,
      role: 'Named member',
      organization_id: organizationId,
      seats: null,
      voting: null,
      classification: null,
      cite: null,
      ...dates,
    })),
  ];
}

/** `structures.json`: every structure version of every partnership, Popolo-shaped. */
export function structuresPopolo(model: Pick<Model, 'site' | 'partnerships'>) {
  const { site } = model;
  const organizations: object[] = [];
  const posts: object[] = [];
  const structures: object[] = [];
  const reportingLines: object[] = [];
  const relations: object[] = [];
  for (const p of model.partnerships) {
    organizations.push({
      id: p.id,
      name: p.name,
      other_names: p.short_name ? [{ name: p.short_name }] : [],
      classification: 'partnership',
      partnership_kind: p.kind,
      parent_id: p.parent ?? null,
      area: p.area,
      founding_date: p.established ?? null,
      dissolution_date: p.dissolved ?? null,
      links: [{ url: absoluteUrl(site, partnershipUrl(p.id)), note: 'Partnership page' }],
    });
    for (const s of p.structures) {
      structures.push({
        id: `${p.id}/${s.id}`,
        partnership_id: p.id,
        title: s.title,
        status: s.status,
        current: p.currentStructureId === s.id,
        from: s.from ?? null,
        to: s.to ?? null,
        decided_by: s.decided_by ? `${p.id}/${s.decided_by}` : null,
        status_as_at: s.status_as_at ?? null,
        status_date: statusDate(s),
        url: absoluteUrl(site, structureUrl(p.id, s.id)),
        organization_ids: s.bodies.map((b) => bodyOrganizationId(s, b.id)),
        sources: sourceRecords(s.sources),
        discrepancies: discrepancyRecords(s.discrepancies),
      });
      for (const body of s.bodies) {
        organizations.push(bodyOrganization(site, p, s, body));
        posts.push(...bodyPosts(s, body));
        const to = reportsToBody(body);
        if (to) reportingLines.push({ from: bodyOrganizationId(s, body.id), to: bodyOrganizationId(s, to) });
      }
      for (const r of s.relations) {
        const target = r.target;
        relations.push({
          from: bodyOrganizationId(s, r.from),
          to: target.type === 'body' ? bodyOrganizationId(s, target.id) : target.type === 'partnership' ? target.id : null,
          external: target.type === 'external' ? target.name : null,
          kind: r.kind,
          cite: citationRecords(r.cite),
        });
      }
    }
  }
  return {
    licence: licenceOf(site),
    source: absoluteUrl(site, HOME_URL),
    publisher: site.publisher,
    organizations,
    posts,
    structures,
    reporting_lines: reportingLines,
    relations,
  };
}
