/**
 * `structures.json`: who sits where, in the shape of the Popolo standard
 * (popoloproject.com) that civic-tech tools read. Each partnership is an
 * organization; each body of each structure version is an organization whose
 * `parent_id` is the body it reports to (or the partnership, for a body that
 * reports to no one), so following `parent_id` walks the reporting lines.
 * Seats are posts, one per sector, with their count and category. Popolo has
 * no notion of structure versions or of links that are not reporting lines,
 * so `structures`, `reporting_lines` and `relations` are added beside it.
 */
import type { BodyModel, Model, PartnershipModel, StructureModel } from '../model/index.ts';
import { slugify } from '../schemas/index.ts';
import { partnershipUrl, structureUrl } from '../site/urls.ts';
import { absoluteUrl, licenceOf } from './site-links.ts';

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
  return {
    id: bodyOrganizationId(s, body.id),
    name: body.name,
    classification: body.kind,
    parent_id: body.reports_to ? bodyOrganizationId(s, body.reports_to) : p.id,
    structure_id: `${p.id}/${s.id}`,
    purpose: body.purpose ?? [],
    size: body.size ?? null,
    voting_seats: body.votingSeats ?? null,
    advisory_seats: body.advisorySeats ?? null,
    chair: body.chair ?? null,
    quorum: body.quorum ?? null,
    meetings_per_year: body.meetings_per_year ?? null,
    term_years: body.term_years ?? null,
    state: body.state ?? null,
    statutory: body.statutory ?? null,
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
        url: absoluteUrl(site, structureUrl(p.id, s.id)),
        organization_ids: s.bodies.map((b) => bodyOrganizationId(s, b.id)),
      });
      for (const body of s.bodies) {
        organizations.push(bodyOrganization(site, p, s, body));
        posts.push(...bodyPosts(s, body));
        if (body.reports_to) reportingLines.push({ from: bodyOrganizationId(s, body.id), to: bodyOrganizationId(s, body.reports_to) });
      }
      for (const r of s.relations) {
        const target = r.target;
        relations.push({
          from: bodyOrganizationId(s, r.from),
          to: target.type === 'body' ? bodyOrganizationId(s, target.id) : target.type === 'partnership' ? target.id : null,
          external: target.type === 'external' ? target.name : null,
          kind: r.kind,
        });
      }
    }
  }
  return {
    licence: licenceOf(site),
    source: absoluteUrl(site, '/'),
    publisher: site.publisher,
    organizations,
    posts,
    structures,
    reporting_lines: reportingLines,
    relations,
  };
}
