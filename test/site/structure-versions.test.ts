import { describe, expect, it } from 'vitest';
import type { PartnershipModel, StructureModel } from '../../src/model/index.ts';
import { baselineFor, versionDates, versionsInOrder } from '../../src/site/structure-versions.ts';
import { fixtureModel } from './helpers/fixture-model.ts';

const chorley = fixtureModel().partnerships.find((p) => p.id === 'chorley-partnership');
if (!chorley) throw new Error('fixture partnership chorley-partnership is missing');
const template = chorley.structures[0]!;

/** A version of Chorley's structure with these dates, as its file would give them. */
const version = (id: string, status: StructureModel['status'], from?: string, to?: string): StructureModel => {
  const { from: _from, to: _to, ...rest } = template;
  return { ...rest, id, file: `partnerships/chorley-partnership/structures/${id}.yaml`, title: id, status, ...(from ? { from } : {}), ...(to ? { to } : {}) };
};
const partnershipWith = (...structures: StructureModel[]): PartnershipModel => ({ ...chorley, structures });
const ids = (list: StructureModel[]) => list.map((s) => s.id);

describe('versions of a structure in time order', () => {
  const proposal2014 = version('2014-proposed', 'proposed', '2014-06', '2014-06');
  const superseded2015 = version('2015-superseded', 'superseded', '2015', '2020-01');
  const current2020 = version('2020-current', 'current', '2020-01-20');

  it('puts a proposal of 2014 before the structures of 2015 and 2020, not after the one in force', () => {
    expect(ids(versionsInOrder(partnershipWith(current2020, proposal2014, superseded2015)))).toEqual(['2014-proposed', '2015-superseded', '2020-current']);
  });

  it('puts a proposal between the versions in force either side of its date, and an undated one last', () => {
    const proposal2017 = version('2017-proposed', 'proposed', '2017-03');
    const undated = version('undated-proposed', 'proposed');
    const proposal2021 = version('2021-proposed', 'proposed', '2021');
    expect(ids(versionsInOrder(partnershipWith(undated, proposal2021, current2020, proposal2017, superseded2015))))
      .toEqual(['2015-superseded', '2017-proposed', '2020-current', '2021-proposed', 'undated-proposed']);
  });

  it('compares a proposal with the structure in force when it was made, and has nothing to compare a proposal made before any with', () => {
    const proposal2017 = version('2017-proposed', 'proposed', '2017-03');
    const proposal2021 = version('2021-proposed', 'proposed', '2021');
    const afon = partnershipWith(proposal2014, superseded2015, proposal2017, current2020, proposal2021);
    expect(baselineFor(afon, proposal2014)).toBeUndefined();
    expect(baselineFor(afon, proposal2017)?.id).toBe('2015-superseded');
    expect(baselineFor(afon, proposal2021)?.id).toBe('2020-current');
  });

  it('compares a version in force with the one in force before it, never with a proposal', () => {
    const afon = partnershipWith(proposal2014, superseded2015, current2020);
    expect(baselineFor(afon, superseded2015)).toBeUndefined();
    expect(baselineFor(afon, current2020)?.id).toBe('2015-superseded');
  });

  it('has nothing to compare a proposal with when the last version before it had ended by then', () => {
    const ended = version('2001-superseded', 'superseded', '2001', '2003');
    const proposal2005 = version('2005-proposed', 'proposed', '2005');
    expect(baselineFor(partnershipWith(ended, proposal2005, current2020), proposal2005)).toBeUndefined();
  });
});

describe('what a version’s dates mean', () => {
  it('gives a proposal’s dates as when it was proposed, never as a time in force, and a date given twice once', () => {
    expect(versionDates(version('2014-proposed', 'proposed', '2014-06', '2014-06'))).toEqual({ key: 'Proposed', text: 'June 2014' });
    expect(versionDates(version('2006-proposed', 'proposed', '2006-03'))).toEqual({ key: 'Proposed', text: 'March 2006' });
    expect(versionDates(version('2006-proposed', 'proposed', '2006-03', '2006-06'))).toEqual({ key: 'Proposed', text: 'March 2006 to June 2006' });
  });

  it('gives the dates of a version in force as the time it was in force', () => {
    expect(versionDates(version('2015-superseded', 'superseded', '2015', '2020-01'))).toEqual({ key: 'In force', text: '2015 to January 2020' });
  });

  it('says nothing when no date is recorded', () => {
    expect(versionDates(version('undated', 'current'))).toBeUndefined();
  });
});
