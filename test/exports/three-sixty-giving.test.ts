import { describe, expect, it } from 'vitest';
import { allocationsLeftOutOf360Giving, grants360Giving, grantsLeftOutText, grantTitle, toJsonFile } from '../../src/exports/index.ts';
import { checkContent } from '../../src/model/index.ts';
import { expectGrantsFollowTheStandard, referenceValidator } from './giving-schema.ts';
import { fixtureModel } from './helpers.ts';

const model = fixtureModel();
const pkg = grants360Giving(model);
const validate = referenceValidator();
const grant = (title: string) => pkg.grants.find((g) => g.title === title)!;
/** The fixture with some decisions approved: their own money is then awarded, so their grants can be examined. */
const approving = (...ids: string[]) => ({ ...model, decisions: model.decisions.map((d) => (ids.includes(d.id) ? { ...d, status: 'approved' as const } : d)) });
const approved = grants360Giving(approving('2011-pooled-budget', '2012-02-14-prg-record'));
const approvedGrant = (title: string) => approved.grants.find((g) => g.title === title)!;

describe('what grants-360giving.json says it leaves out', () => {
  it('gives each reason only for the allocations it applies to', () => {
    expect(grantsLeftOutText({ noMaker: 0, noDate: 3, notApproved: 0, amountsNotApproved: 0 }))
      .toBe('Left out: 3 allocations made elsewhere, because the register records who made them but not when.');
    expect(grantsLeftOutText({ noMaker: 2, noDate: 0, notApproved: 0, amountsNotApproved: 0 }))
      .toBe('Left out: 2 allocations, because the register does not record who made them.');
    expect(grantsLeftOutText({ noMaker: 0, noDate: 0, notApproved: 0, amountsNotApproved: 2 }))
      .toBe('Left out: 2 amounts that decisions themselves were to allocate, because no award is recorded: those decisions were not approved (each proposed, with no outcome recorded; or rejected, deferred or noted).');
    expect(grantsLeftOutText({ noMaker: 0, noDate: 0, notApproved: 1, amountsNotApproved: 0 }))
      .toBe('Left out: 1 allocation that a decision itself was to allocate, because no award is recorded: the decision was not approved (proposed, with no outcome recorded; or rejected, deferred or noted).');
    expect(grantsLeftOutText({ noMaker: 0, noDate: 0, notApproved: 0, amountsNotApproved: 0 })).toBe('No allocation is left out.');
    // A proposal records no outcome, so nothing may say it "awarded nothing".
    expect(grantsLeftOutText({ noMaker: 0, noDate: 0, notApproved: 1, amountsNotApproved: 1 })).not.toContain('awarded nothing');
  });
});

describe('grants-360giving.json', () => {
  it.skipIf(!validate)('validates against the 360Giving standard’s JSON Schema', () => {
    expect(validate!(JSON.parse(toJsonFile(pkg)))).toEqual([]);
  });

  it.skipIf(!validate)('would be refused by the schema without a recipient or with a partial awardDate, so the check is real', () => {
    const noRecipient = structuredClone(pkg) as { grants: Record<string, unknown>[] };
    delete noRecipient.grants[0].recipientOrganization;
    expect(validate!(noRecipient).length).toBeGreaterThan(0);
    const partialDate = structuredClone(pkg) as { grants: Record<string, unknown>[] };
    partialDate.grants[0].awardDate = '2011';
    expect(validate!(partialDate).length).toBeGreaterThan(0);
  });

  it('has every required field of the standard, with the right types', () => {
    expectGrantsFollowTheStandard(pkg);
  });

  it('has one grant per attributable allocation and per decided amount of every public decision, amounts to the penny', () => {
    expect(approved.grants.map((g) => [g.title, g.amountAwarded])).toEqual([
      ['Performance Reward Grant allocations recorded', 7500],
      ['Town centre events', 20000],
      ['Play areas', 5000],
      ['Warm Homes', 15000.25],
      ['=HYPERLINK("http://evil")', 0.99],
      ['Youth work, phase 2\n(north)', 39999.99],
      ['Warm-Homes', 0],
      ['Partnership support', 12345.67],
    ]);
    expect(JSON.stringify(approved)).not.toContain('Confidential supplier');
  });

  it('awards nothing for a decision that was not approved: a proposed decision’s own allocations and a noted decision’s amount are left out and counted', () => {
    // The pooled budget is proposed and makes its allocation itself; prg-record is noted and gives `decides`.
    expect(pkg.grants.map((g) => g.title)).not.toContain('Partnership support');
    expect(pkg.grants.some((g) => g.id === '360G-register-example-org-vale-lsp-2012-02-14-prg-record')).toBe(false);
    // What another partnership allocated, which the noted decision only records, was still awarded.
    expect(grant('Town centre events').amountAwarded).toBe(20000);
    expect(allocationsLeftOutOf360Giving(model)).toEqual({ noMaker: 1, noDate: 1, notApproved: 1, amountsNotApproved: 1 });
    expect(pkg.description).toContain('1 allocation and 1 amount that decisions themselves were to allocate, because no award is recorded: those decisions were not approved');
  });

  it('awards nothing for a rejected or deferred decision either', () => {
    for (const status of ['rejected', 'deferred'] as const) {
      const changed = { ...model, decisions: model.decisions.map((d) => (d.id === '2011-11-08-grants' ? { ...d, status } : d)) };
      expect(grants360Giving(changed).grants.map((g) => g.title)).not.toContain('Warm Homes');
    }
  });

  it('gives each grant a stable id from the partnership, decision and item, numbering items whose names make the same id', () => {
    expect(grant('Warm Homes').id).toBe('360G-register-example-org-vale-lsp-2011-11-08-grants-warm-homes');
    expect(grant('Warm-Homes').id).toBe('360G-register-example-org-vale-lsp-2011-11-08-grants-warm-homes-2');
  });

  it('splits revenue and capital under classifications, beside the decision’s status', () => {
    expect(grant('Warm Homes').classifications).toEqual([
      { vocabulary: 'Partnership Register: funding stream', code: 'revenue', title: 'Revenue', description: '5000.25 GBP (£5,000.25)' },
      { vocabulary: 'Partnership Register: funding stream', code: 'capital', title: 'Capital', description: '10000.00 GBP (£10,000.00)' },
      { vocabulary: 'Partnership Register: decision status', code: 'approved', title: 'Approved' },
    ]);
    expect(approvedGrant('Partnership support').classifications.map((c) => c.code)).toEqual(['revenue', 'approved']);
  });

  it('awards an allocation this decision makes by the decision maker, on the decision’s date, to the partnership', () => {
    expect(grant('Warm Homes').fundingOrganization).toEqual([{ id: '360G-register-example-org-org-cabinet-vale-council', name: 'Cabinet, Vale Council' }]);
    expect(grant('Warm Homes').awardDate).toBe('2011-11-08');
    expect(approvedGrant('Partnership support').fundingOrganization[0].name).toBe('Vale Board');
    expect(grant('Warm Homes').recipientOrganization[0]).toMatchObject({ name: 'Vale "Together" LSP', url: 'https://register.example.org/partnerships/vale-lsp/' });
  });

  it('awards an allocation made elsewhere by whoever made it, on the date it was made, not by the decision that records it', () => {
    const town = grant('Town centre events');
    expect(town.fundingOrganization).toEqual([{ id: '360G-register-example-org-partnership-shire-partnership', name: 'Shire Partnership' }]);
    expect(town.awardDate).toBe('2011-12-14');
    expect(town.description).toContain('allocated from Performance Reward Grant by Shire Partnership on 14 December 2011, as recorded in “Performance Reward Grant allocations recorded” (Cabinet, Vale Council, 14 February 2012).');
    expect(town.id).toBe('360G-register-example-org-vale-lsp-2012-02-14-prg-record-town-centre-events');
  });

  it('gives what an approved decision decides as one grant by its decision maker when it makes no allocations itself', () => {
    const decided = approved.grants.find((g) => g.id === '360G-register-example-org-vale-lsp-2012-02-14-prg-record')!;
    expect(decided).toMatchObject({
      amountAwarded: 7500, awardDate: '2012-02-14',
      fundingOrganization: [{ id: '360G-register-example-org-org-cabinet-vale-council', name: 'Cabinet, Vale Council' }],
    });
    expect(decided.classifications.map((c) => c.code)).toEqual(['capital', 'approved']);
  });

  it('gives a decision that decides an amount and makes the allocations itself its allocations as grants, counting the money once', () => {
    expect(approved.grants.filter((g) => g.id.includes('2011-pooled-budget')).map((g) => [g.title, g.amountAwarded])).toEqual([['Partnership support', 12345.67]]);
  });

  it('leaves out an allocation whose maker, or whose date when made elsewhere, is not recorded, and counts it for the data page', () => {
    const titles = pkg.grants.map((g) => g.title);
    expect(titles).not.toContain('Village hall repairs');
    expect(titles).not.toContain('Newsletter');
    // Village hall repairs name the forum that made them but no date; the newsletter names no maker.
    expect(pkg.description).toContain('Left out: 1 allocation, because the register does not record who made it; '
      + '1 allocation made elsewhere, because the register records who made it but not when; ');
  });

  it('gives no grant for a table that lists no allocations and decides nothing', () => {
    expect(pkg.grants.some((g) => g.id.includes('lottery-bid'))).toBe(false);
  });

  it('dates a decision known only by its year at the first of January, saying so in the description', () => {
    expect(approvedGrant('Partnership support').awardDate).toBe('2011-01-01');
    expect(approvedGrant('Partnership support').description).toContain('dated 2011; awardDate gives the first day of that period');
    expect(grant('Warm Homes').awardDate).toBe('2011-11-08');
  });

  it('gives dateModified only when git history is there', () => {
    expect('dateModified' in grant('Warm Homes')).toBe(false);
    const dated = grants360Giving(model, () => '2026-01-02T03:04:05+00:00');
    expect(dated.grants[0].dateModified).toBe('2026-01-02T03:04:05+00:00');
    if (validate) expect(validate(dated)).toEqual([]);
  });

  it('shortens an item name too long for a grant title, keeping it whole in the description', () => {
    const long = 'Community chest '.repeat(12).trim();
    const title = grantTitle(long);
    expect(Array.from(title).length).toBeLessThan(140);
    expect(title.endsWith('…')).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(/\p{Cs}/u.test(grantTitle('£5 for 🎉'.repeat(30))), 'no emoji cut in half').toBe(false);
  });

  it('states the licence and the schema version for the package', () => {
    expect(pkg).toMatchObject({ version: '1.4', license: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', publisher: { name: 'Test Council <Policy> & Partners' } });
  });

  it('is valid for the example content', () => {
    const example = grants360Giving(checkContent('content', { today: '2026-11-26' }));
    expectGrantsFollowTheStandard(example);
    if (validate && example.grants.length > 0) expect(validate(example)).toEqual([]);
  });
});
