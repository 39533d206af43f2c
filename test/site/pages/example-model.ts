/** The example register (content/), as the site build sees it, checked once per test file. */
import { fileURLToPath } from 'node:url';
import { checkContent, type Model } from '../../../src/model/index.ts';

let model: Model | undefined;

/** The example content's model, on the day the tests treat as today. */
export function exampleModel(): Model {
  model ??= checkContent(fileURLToPath(new URL('../../../content', import.meta.url)), { today: '2026-11-26' });
  return model;
}
