/** The site tests' own small register (test/site/fixtures/content), checked once per test file. */
import { resolve } from 'node:path';
import { checkContent, type Model } from '../../../src/model/index.ts';

/** The fixture content folder. */
export const FIXTURE_CONTENT = resolve(import.meta.dirname, '../fixtures/content');

let model: Model | undefined;

/** The fixture register's model, as the site build would see it on 26 November 2026. */
export function fixtureModel(): Model {
  model ??= checkContent(FIXTURE_CONTENT, { today: '2026-11-26' });
  return model;
}
