/**
 * schema.org descriptions of pages, as JSON-LD objects, so search engines and
 * other tools can read who a partnership is and what money a decision moved.
 * The JsonLd component inlines them; `inlineJson` (text.ts) makes that safe.
 */
import type { DecisionModel, Model, PartnershipModel } from '../model/index.ts';
import { HOME_URL, decisionUrl, partnershipUrl } from '../site/urls.ts';
import { allocationMaker, ownMoneyAllocated } from './attribution.ts';
import { absoluteUrl } from './site-links.ts';

const CONTEXT = 'https://schema.org';

/** A partnership's node id: its page's address with `#organization`, so other pages can refer to it. */
export function partnershipNodeId(site: Model['site'], partnershipId: string): string {
  return `${absoluteUrl(site, partnershipUrl(partnershipId))}#organization`;
}

function partnershipRef(model: Pick<Model, 'site' | 'partnerships'>, id: string) {
  const p = model.partnerships.find((x) => x.id === id);
  return {
    '@type': 'GovernmentOrganization',
    '@id': partnershipNodeId(model.site, id),
    name: p?.name ?? id,
    url: absoluteUrl(model.site, partnershipUrl(id)),
  };
}

/**
 * A partnership as a schema.org GovernmentOrganization: the bodies of its
 * current structure and the partnerships under it as `subOrganization`, the
 * county partnership above it as `parentOrganization`.
 */
export function partnershipJsonLd(model: Pick<Model, 'site' | 'partnerships'>, p: PartnershipModel) {
  const current = p.structures.find((s) => s.id === p.currentStructureId);
  const bodies = (current?.bodies ?? []).map((b) => ({
    '@type': 'Organization',
    name: b.name,
    ...(b.purpose?.length ? { description: b.purpose.join(' ') } : {}),
  }));
  const contact = p.contact;
  return {
    '@context': CONTEXT,
    '@type': 'GovernmentOrganization',
    '@id': partnershipNodeId(model.site, p.id),
    name: p.name,
    ...(p.short_name ? { alternateName: p.short_name } : {}),
    url: absoluteUrl(model.site, partnershipUrl(p.id)),
    description: p.summary,
    areaServed: p.area,
    ...(p.established ? { foundingDate: p.established } : {}),
    ...(p.dissolved ? { dissolutionDate: p.dissolved } : {}),
    ...(p.parent ? { parentOrganization: partnershipRef(model, p.parent) } : {}),
    ...(bodies.length || p.children.length ? { subOrganization: [...bodies, ...p.children.map((id) => partnershipRef(model, id))] } : {}),
    ...(contact && (contact.email || contact.phone)
      ? {
          contactPoint: {
            '@type': 'ContactPoint',
            ...(contact.name ? { name: contact.name } : {}),
            ...(contact.role ? { contactType: contact.role } : {}),
            ...(contact.email ? { email: contact.email } : {}),
            ...(contact.phone ? { telephone: contact.phone } : {}),
          },
        }
      : {}),
  };
}

/**
 * A decision's page as schema.org: the page itself, about its partnership, and
 * one MonetaryGrant per allocation, funded by whoever made it (the decision
 * maker, for allocations this decision makes; no funder when the register
 * does not record who). A decision that was not approved granted none of the
 * allocations it would have made itself, so they are not given as grants.
 * An exempt decision gives only its title and date, as its page does.
 */
export function decisionJsonLd(model: Pick<Model, 'site' | 'partnerships'>, decision: DecisionModel) {
  const url = absoluteUrl(model.site, decisionUrl(decision.partnershipId, decision.id));
  const page = {
    '@type': 'WebPage',
    '@id': url,
    url,
    name: decision.title,
    dateCreated: decision.date,
    about: { '@id': partnershipNodeId(model.site, decision.partnershipId) },
    isPartOf: { '@type': 'WebSite', name: model.site.title, url: absoluteUrl(model.site, HOME_URL) },
  };
  const funding = decision.public ? decision.funding : undefined;
  const maker = funding && allocationMaker(decision, funding, (id) => model.partnerships.find((p) => p.id === id)?.name);
  const funder = maker ? { funder: { '@type': 'Organization', name: maker.name } } : {};
  const granted = !maker?.byThisDecision || ownMoneyAllocated(decision);
  const grants = (granted ? (funding?.allocations ?? []) : []).map((a) => ({
    '@type': 'MonetaryGrant',
    name: a.item,
    ...(a.outcomes ? { description: a.outcomes } : {}),
    url,
    ...funder,
    amount: { '@type': 'MonetaryAmount', currency: 'GBP', value: ((a.revenue ?? 0) + (a.capital ?? 0)) / 100 },
    fundedItem: { '@type': 'Thing', name: a.item },
  }));
  return { '@context': CONTEXT, '@graph': [page, ...grants] };
}
