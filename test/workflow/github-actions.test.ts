/**
 * The repository's GitHub set-up: the workflows that check pull requests and
 * publish main to GitHub Pages, the CODEOWNERS example, and the editor
 * settings that point VS Code at the JSON Schemas.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  container?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

function workflow(name: string): Workflow {
  return load(readFileSync(join(ROOT, '.github/workflows', name), 'utf8')) as Workflow;
}

/** The index of the first step that matches, or -1. */
const stepIndex = (steps: Step[], test: (step: Step) => boolean) => steps.findIndex(test);
const uses = (action: string) => (step: Step) => step.uses?.split('@')[0] === action;
const runs = (pattern: RegExp) => (step: Step) => pattern.test(step.run ?? '');

/** The steps every checking job needs, in the order they must run. */
function expectCheckingSteps(steps: Step[]): void {
  const chromium = stepIndex(steps, runs(/apt-get install\b[^\n]*\bchromium\b/));
  const checkout = stepIndex(steps, uses('actions/checkout'));
  const node = stepIndex(steps, uses('actions/setup-node'));
  const install = stepIndex(steps, runs(/^npm ci\b/m));
  const check = stepIndex(steps, runs(/^npm run check -- --format github$/m));
  const test = stepIndex(steps, runs(/^npm test$/m));
  const build = stepIndex(steps, runs(/^npm run build$/m));
  for (const [name, index] of Object.entries({ chromium, checkout, node, install, check, test, build })) expect(index, name).toBeGreaterThanOrEqual(0);
  // Full history: pages show when each was last changed, from git log.
  expect(steps[checkout].with?.['fetch-depth']).toBe(0);
  expect(String(steps[node].with?.['node-version'])).toBe('24');
  expect(node).toBeLessThan(install);
  expect(install).toBeLessThan(check);
  expect(check).toBeLessThan(build);
  expect(test).toBeLessThan(build);
  expect(chromium).toBeLessThan(build);
}

describe('the pull request workflow', () => {
  const check = workflow('check.yml');

  it('is valid YAML that runs on every pull request', () => {
    expect(check.on).toHaveProperty('pull_request');
  });

  it('checks the content with annotations, runs the tests and builds the site, with full history, Node 24 and Chromium', () => {
    const jobs = Object.values(check.jobs);
    expect(jobs).toHaveLength(1);
    expectCheckingSteps(jobs[0].steps);
  });

  it('can only read the repository', () => {
    expect(check.permissions).toEqual({ contents: 'read' });
  });
});

describe('the publishing workflow', () => {
  const deploy = workflow('deploy.yml');

  it('is valid YAML that runs when main changes', () => {
    expect(deploy.on).toHaveProperty('push');
    expect((deploy.on.push as { branches: string[] }).branches).toEqual(['main']);
  });

  it('checks, tests and builds before it publishes anything', () => {
    const build = deploy.jobs.build;
    expectCheckingSteps(build.steps);
    const upload = stepIndex(build.steps, uses('actions/upload-pages-artifact'));
    expect(upload).toBeGreaterThan(stepIndex(build.steps, runs(/^npm run build$/m)));
    expect(build.steps[upload].with?.path).toBe('dist');
  });

  it('deploys the built site to GitHub Pages in a job of its own, with only the permissions Pages needs', () => {
    const job = deploy.jobs.deploy;
    expect(job.needs).toBe('build');
    expect(job.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(job.environment?.name).toBe('github-pages');
    expect(job.steps.some(uses('actions/deploy-pages'))).toBe(true);
  });

  it('never runs two deployments at once', () => {
    expect((deploy as unknown as { concurrency: { group: string; 'cancel-in-progress': boolean } }).concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });
});

describe('the CODEOWNERS example', () => {
  const lines = readFileSync(join(ROOT, '.github/CODEOWNERS.example'), 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('#'));

  it('gives every partnership folder in the content to its own officers', () => {
    const partnerships = readdirSync(join(ROOT, 'content/partnerships'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    for (const id of partnerships) {
      const line = lines.find((l) => l.split(/\s+/)[0] === `/content/partnerships/${id}/`);
      expect(line, id).toBeDefined();
      expect(line?.split(/\s+/).slice(1).every((owner) => owner.startsWith('@'))).toBe(true);
    }
  });

  it('puts the catch-all first, because later lines win', () => {
    expect(lines[0].split(/\s+/)[0]).toBe('*');
  });
});

describe('the VS Code settings', () => {
  const settings = JSON.parse(readFileSync(join(ROOT, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
  const extensions = JSON.parse(readFileSync(join(ROOT, '.vscode/extensions.json'), 'utf8')) as { recommendations: string[] };

  it('recommends the YAML extension', () => {
    expect(extensions.recommendations).toContain('redhat.vscode-yaml');
  });

  it('gives every YAML content file its schema, and the schemas exist', () => {
    // The YAML extension turns each * into .* and matches the end of the file's address.
    const matchers = Object.entries(settings['yaml.schemas']).map(([schema, glob]) => {
      expect(existsSync(join(ROOT, schema))).toBe(true);
      return { schema, pattern: new RegExp(`${glob.replace(/[-\\{}+?|^$.,[\]()#\s]/g, '\\$&').replace(/\*/g, '.*')}$`) };
    });
    const files = ['site.yaml', ...readdirSync(join(ROOT, 'content/partnerships'), { recursive: true, encoding: 'utf8' }).map((f) => `partnerships/${f}`)]
      .filter((f) => f.endsWith('.yaml'));
    for (const file of files) {
      const kind = file === 'site.yaml' ? 'site' : /\/structures\//.test(file) ? 'structure' : 'strategy';
      const matched = matchers.filter((m) => m.pattern.test(`file:///work/repo/content/${file}`)).map((m) => m.schema);
      expect(matched, file).toEqual([`./docs/schemas/${kind}.schema.json`]);
    }
  });
});
