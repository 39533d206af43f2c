/**
 * The quality gates on the site tests' small fixture register
 * (test/site/fixtures/content): every gate on every page.
 */
import { join } from 'node:path';
import { describeSiteGates } from './harness/suite.ts';
import { ROOT } from './harness/site.ts';

describeSiteGates('fixture register', join(ROOT, 'test/site/fixtures/content'), {
  everyPage: true,
  expectTypes: ['home', 'not found', 'partnerships list', 'partnership', 'structure', 'strategy', 'chapter', 'decision', 'register', 'register filter', 'search', 'accessibility'],
});
