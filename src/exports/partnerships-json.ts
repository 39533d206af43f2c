/**
 * `partnerships.json`: every partnership as the register resolved it, with
 * its structures, strategies (with their objectives), chapters (with their
 * priorities and measures) and decisions. Absent optional values are null,
 * so every record has the same keys and nothing unrecorded reads as a
 * default. Each file's sources, discrepancies and `status_as_at` come with
 * it (and `status_date`, the date its page gives the status, and from where), and each objective, priority and measure its citations, so a reader
 * can check any fact against the document it comes from.
 */
import type { ChapterModel, Model, PartnershipModel, StrategyModel } from '../model/index.ts';
import { statusDate } from '../site/as-at.ts';
import { chapterUrl, decisionUrl, partnershipUrl, strategyUrl, structureUrl } from '../site/urls.ts';
import { citationRecords, discrepancyRecords, sourceRecords } from './provenance.ts';
import { absoluteUrl, dataFileHeader } from './site-links.ts';

function strategyRecord(url: string, s: StrategyModel) {
  return {
    id: s.id,
    url,
    title: s.title,
    kind: s.kind,
    period: s.period ? { from: s.period.from, to: s.period.to } : null,
    objectives: s.objectives.map((o) => ({ id: o.id, title: o.title, lead: o.lead ?? null, cite: citationRecords(o.cite) })),
    sources: sourceRecords(s.sources),
    discrepancies: discrepancyRecords(s.discrepancies),
  };
}

function chapterRecord(url: string, c: ChapterModel) {
  return {
    strategy: `${c.strategyOwnerId}/${c.id}`,
    url,
    title: c.title,
    status: c.status,
    status_as_at: c.status_as_at ?? null,
    status_date: statusDate(c),
    agreed: c.agreed ?? null,
    priorities: c.priorities.map((p) => ({
      id: p.id,
      title: p.title,
      objective: p.objective,
      lead: p.lead ?? null,
      measures: p.measures == null
        ? null
        : p.measures.map((m) => ({ indicator: m.indicator, target: m.target, unit: m.unit ?? null, by: m.by ?? null, cite: citationRecords(m.cite) })),
      cite: citationRecords(p.cite),
    })),
    sources: sourceRecords(c.sources),
    discrepancies: discrepancyRecords(c.discrepancies),
  };
}

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
    tier: p.tier ?? null,
    status: p.status,
    status_as_at: p.status_as_at ?? null,
    status_date: statusDate(p, p.status === 'dissolved' ? p.dissolved : undefined),
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
    strategies: p.strategies.map((s) => strategyRecord(url(strategyUrl(p.id, s.id)), s)),
    chapters: p.chapters.map((c) => chapterRecord(url(chapterUrl(p.id, c.id)), c)),
    decisions: p.decisions.map((d) => ({ id: d.id, url: url(decisionUrl(p.id, d.id)), title: d.title, date: d.date })),
    sources: sourceRecords(p.sources),
    discrepancies: discrepancyRecords(p.discrepancies),
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
