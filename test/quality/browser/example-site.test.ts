/**
 * The quality gates on the example register (content/), as residents and
 * officers would meet it: every gate on the fullest and the sparest page of
 * each page type the build writes.
 */
import { join } from 'node:path';
import { describeSiteGates } from './harness/suite.ts';
import { ROOT } from './harness/site.ts';

describeSiteGates('example register', join(ROOT, 'content'), {
  everyPage: false,
  expectTypes: ['home', 'not found', 'partnerships list', 'partnership', 'structure', 'strategy', 'chapter', 'decision', 'register', 'register filter', 'search', 'accessibility'],
});
