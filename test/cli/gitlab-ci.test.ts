/**
 * docs/gitlab-ci.yml, the GitLab CI/CD template: valid against GitLab's own
 * schema for `.gitlab-ci.yml` (test/cli/fixtures/gitlab-ci.schema.json), and
 * doing what docs/publishing.md says: check with the code-quality report,
 * test when the software changed, build with the diagram cache, publish the
 * default branch with GitLab Pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.ts';

interface Cache {
  key: { files?: string[]; prefix?: string } | string;
  paths: string[];
  policy?: string;
}
interface Job {
  stage?: string;
  extends?: string | string[];
  script?: string[];
  before_script?: string[];
  rules?: { if?: string; changes?: string[] }[];
  cache?: Cache[];
  artifacts?: { when?: string; paths?: string[]; reports?: { codequality?: string } };
  pages?: { publish?: string };
  resource_group?: string;
}
type Template = Record<string, Job> & { stages: string[]; variables: Record<string, string> };

const template = load(readFileSync(join(ROOT, 'docs/gitlab-ci.yml'), 'utf8')) as Template;
/** GitLab's schema, as its pipeline editor uses it: formats are not checked, only the shape. */
const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true })
  .compile(JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/gitlab-ci.schema.json'), 'utf8')) as object);

/** A job with what it inherits through `extends`, as GitLab merges it (later templates win, lists are replaced). */
function resolved(name: string): Job {
  const job = template[name];
  const parents = job.extends === undefined ? [] : [job.extends].flat();
  return Object.assign({}, ...parents.map(resolved), job) as Job;
}

describe('the GitLab CI/CD template', () => {
  it('is valid against GitLab\'s schema for .gitlab-ci.yml', () => {
    expect(validate(template), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is refused by the schema when a key is misspelt, so the test above can fail', () => {
    const broken = structuredClone(template);
    (broken.check as Record<string, unknown>).artefacts = broken.check.artifacts;
    expect(validate(broken)).toBe(false);
  });

  it('checks the content, fails on an error, and hands GitLab the code-quality report even then', () => {
    const check = resolved('check');
    expect(check.stage).toBe('check');
    expect(check.script).toEqual(['npm run --silent check -- --format gitlab > gl-code-quality-report.json || true', 'npm run check']);
    expect(check.artifacts).toMatchObject({ when: 'always', reports: { codequality: 'gl-code-quality-report.json' } });
  });

  it('runs the tests, with Chromium, only when the software changed', () => {
    const test = resolved('test');
    expect(test.script).toEqual(['npm test']);
    expect(test.before_script?.some((line) => /apt-get install\b.*\bchromium\b/.test(line))).toBe(true);
    expect(test.rules).toEqual([{ changes: ['src/**/*', 'scripts/**/*', 'test/**/*', 'package*.json', 'astro.config.mjs'] }]);
  });

  it('builds every branch, keeping the drawn diagrams between pipelines under a key of the lock file', () => {
    for (const name of ['build', 'pages']) {
      const job = resolved(name);
      expect(job.script, name).toEqual(['npm run build']);
      expect(job.cache?.find((cache) => cache.paths.includes('.cache/diagrams/'))?.key, name).toEqual({ prefix: 'diagrams', files: ['package-lock.json'] });
    }
    expect(template.build.rules).toEqual([{ if: '$CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH' }]);
  });

  it('publishes the built site with GitLab Pages from the default branch only, one deployment at a time', () => {
    const pages = resolved('pages');
    expect(pages.stage).toBe('deploy');
    expect(pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(pages.pages).toEqual({ publish: 'dist' });
    expect(pages.artifacts?.paths).toEqual(['dist']);
    expect(pages.resource_group).toBe('pages');
  });

  it('runs its stages in order, so a content error stops the pipeline before anything is built or published', () => {
    expect(template.stages).toEqual(['check', 'test', 'build', 'deploy']);
    expect(template.variables.GIT_DEPTH).toBe('0');
  });
});
