import { describe, expect, it } from 'vitest';
import { structureTimeline, summariseChanges } from '../../src/site/structure-timeline.ts';
import { fixtureModel } from './helpers/fixture-model.ts';

describe('the structure over time, on a partnership page', () => {
  const chorley = fixtureModel().partnerships.find((p) => p.id === 'chorley-partnership');
  if (!chorley) throw new Error('fixture partnership chorley-partnership is missing');
  const timeline = structureTimeline(chorley);

  it('lists the versions in order: the one in force, then the proposal', () => {
    expect(timeline.map((entry) => entry.structure.id)).toEqual(['pre-2006', '2006-proposed']);
  });

  it('says what the 2006 proposal changes against the structure in force', () => {
    expect(timeline[1].baseline?.id).toBe('pre-2006');
    expect(timeline[1].changes).toBe('8 bodies added, 3 removed, 1 renamed, 1 with a reporting line not recorded before, 1 resized, 1 with new seats');
  });

  it('has nothing to compare the first version with', () => {
    expect(timeline[0].changes).toBeUndefined();
  });

  it('says so when two versions have the same bodies', () => {
    expect(summariseChanges({ added: [], removed: [], renamed: [], reparented: [], lineFirstRecorded: [], resized: [], reseated: [], unchanged: 4 }))
      .toBe('no change to bodies, reporting lines, sizes or seats');
  });
});
