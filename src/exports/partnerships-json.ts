/**
 * `partnerships.json`: every partnership as the register resolved it, with
 * links to its structures, strategies, chapters and decisions. Absent
 * optional values are null, so every record has the same keys.
 */
import type { Model, PartnershipModel } from '../model/index.ts';
import { chapterUrl, decisionUrl, partnershipUrl, strategyUrl, structureUrl } from '../site/urls.ts';
import { absoluteUrl, dataFileHeader } from './site-links.ts';

/** One partnership as open data. */
export function partnershipRecord(site: Model['site'], p: PartnershipModel) {
  const url = (path: string) => absoluteUrl(site, path);
  return {
    id: p.id,
    url: url(partnershipUrl(p.id)),
    name: p.name,
    short_name: p.short_name ?? null,
    kind: p.kind,
    area: p.area,
    tier: p.tier,
    status: p.status,
    parent: p.parent ?? null,
    children: p.children,
    established: p.established ?? null,
    became_lsp: p.became_lsp ?? null,
    dissolved: p.dissolved ?? null,
    legal_form: p.legal_form ?? null,
    accountable_body: p.accountable_body ?? null,
    purpose: p.purpose,
    summary: p.summary,
    contact: p.contact
      ? { name: p.contact.name ?? null, role: p.contact.role ?? null, email: p.contact.email ?? null, phone: p.contact.phone ?? null }
      : null,
    reviewed: p.reviewed ?? null,
    current_structure: p.currentStructureId ?? null,
    structures: p.structures.map((s) => ({
      id: s.id, url: url(structureUrl(p.id, s.id)), title: s.title, status: s.status, from: s.from ?? null, to: s.to ?? null, decided_by: s.decided_by ?? null,
    })),
    strategies: p.strategies.map((s) => ({ id: s.id, url: url(strategyUrl(p.id, s.id)), title: s.title, kind: s.kind, period: s.period })),
    chapters: p.chapters.map((c) => ({
      strategy: `${c.strategyOwnerId}/${c.id}`, url: url(chapterUrl(p.id, c.id)), title: c.title, status: c.status, agreed: c.agreed ?? null,
    })),
    decisions: p.decisions.map((d) => ({ id: d.id, url: url(decisionUrl(p.id, d.id)), title: d.title, date: d.date })),
    narrative: p.body,
  };
}

/** `partnerships.json`: every partnership, by name, with the licence and where the data comes from. */
export function partnershipsJson(model: Pick<Model, 'site' | 'partnerships'>) {
  return {
    ...dataFileHeader(model.site),
    partnerships: model.partnerships.map((p) => partnershipRecord(model.site, p)),
  };
}
