import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/model/index.ts';

describe('the example content', () => {
  it('passes the checker with no errors', () => {
    const model = checkContent('content', { today: '2026-11-26' });
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
