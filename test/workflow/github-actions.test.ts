/**
 * The repository's GitHub set-up: the workflows that check pull requests and
 * publish main to GitHub Pages (each valid against GitHub's workflow schema,
 * test/cli/fixtures/github-workflow.schema.json), the CODEOWNERS example, and
 * the editor settings that point VS Code at the JSON Schemas.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, temporaryFolder } from '../helpers/fixtures.ts';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
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

/** GitHub's workflow schema (SchemaStore's, which VS Code and GitHub's own editor use): formats are not checked, only the shape. */
const validateWorkflow = new Ajv({ strict: false, validateFormats: false, allErrors: true })
  .compile(JSON.parse(readFileSync(join(ROOT, 'test/cli/fixtures/github-workflow.schema.json'), 'utf8')) as object);

/** The index of the first step that matches, or -1. */
const stepIndex = (steps: Step[], test: (step: Step) => boolean) => steps.findIndex(test);
const uses = (action: string) => (step: Step) => step.uses?.split('@')[0] === action;
const runs = (pattern: RegExp) => (step: Step) => pattern.test(step.run ?? '');

/**
 * The steps every checking job needs, in the order they must run: the check
 * and the build always, the tests only when the software changed, and the
 * diagram cache restored before the build.
 */
function expectCheckingSteps(steps: Step[]): void {
  const chromium = stepIndex(steps, runs(/apt-get install\b[^\n]*\bchromium\b/));
  const checkout = stepIndex(steps, uses('actions/checkout'));
  const node = stepIndex(steps, uses('actions/setup-node'));
  const install = stepIndex(steps, runs(/^npm ci\b/m));
  const check = stepIndex(steps, runs(/^npm run check -- --format github$/m));
  const changes = stepIndex(steps, (step) => step.id === 'changes');
  const test = stepIndex(steps, runs(/^npm test$/m));
  const cache = stepIndex(steps, uses('actions/cache'));
  const build = stepIndex(steps, runs(/^npm run build$/m));
  for (const [name, index] of Object.entries({ chromium, checkout, node, install, check, changes, test, cache, build })) expect(index, name).toBeGreaterThanOrEqual(0);
  // Full history: pages show when each was last changed, from git log.
  expect(steps[checkout].with?.['fetch-depth']).toBe(0);
  expect(String(steps[node].with?.['node-version'])).toBe('24');
  expect(node).toBeLessThan(install);
  expect(install).toBeLessThan(check);
  expect(check).toBeLessThan(build);
  expect(changes).toBeLessThan(test);
  expect(test).toBeLessThan(build);
  expect(chromium).toBeLessThan(build);
  expect(cache).toBeLessThan(build);
  expect(steps[test].if).toBe("steps.changes.outputs.software == 'true'");
  for (const always of [check, build]) expect(steps[always].if, steps[always].name).toBeUndefined();
  // The diagram cache: the build's folder, a fresh entry each run found again by its prefix, and a new lock file (Mermaid) starts afresh.
  expect(steps[cache].with?.path).toBe('.cache/diagrams');
  expect(steps[cache].with?.key).toMatch(/^diagrams-\$\{\{ hashFiles\('package-lock\.json'\) \}\}-\$\{\{ github\.run_id \}\}$/);
  expect(steps[cache].with?.['restore-keys']).toBe("diagrams-${{ hashFiles('package-lock.json') }}-");
}

/** The run of a workflow's "did the software change?" step. */
function changesScript(file: string): string {
  const job = Object.values(workflow(file).jobs).find((j) => j.steps.some((step) => step.id === 'changes'));
  return job?.steps.find((step) => step.id === 'changes')?.run ?? '';
}

describe('the workflows', () => {
  it.each(['check.yml', 'deploy.yml'])('%s is valid against GitHub\'s workflow schema', (file) => {
    expect(validateWorkflow(workflow(file)), JSON.stringify(validateWorkflow.errors)).toBe(true);
  });

  it('hold no key GitHub\'s schema does not know (the schema refuses one)', () => {
    const broken = structuredClone(workflow('check.yml')) as unknown as { jobs: { check: Record<string, unknown> } };
    broken.jobs.check['runs_on'] = 'ubuntu-latest';
    expect(validateWorkflow(broken)).toBe(false);
  });
});

describe('deciding whether to run the tests', () => {
  const repository = temporaryFolder('register-changes-');
  afterAll(() => rmSync(repository, { recursive: true, force: true }));
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repository, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Officer', GIT_AUTHOR_EMAIL: 'officer@example.org', GIT_COMMITTER_NAME: 'Officer', GIT_COMMITTER_EMAIL: 'officer@example.org' } }).stdout.trim();
  const commit = (path: string, text: string) => {
    mkdirSync(join(repository, path, '..'), { recursive: true });
    writeFileSync(join(repository, path), text);
    git('add', '-A');
    git('commit', '-q', '-m', `Change ${path}`);
    return git('rev-parse', 'HEAD');
  };
  git('init', '-q', '-b', 'main');
  const first = commit('content/site.yaml', 'title: A\n');
  const afterContent = commit('content/partnerships/x/partnership.md', '---\nname: X\n---\n');
  commit('src/model/index.ts', 'export {};\n');
  const afterSoftware = git('rev-parse', 'HEAD');
  const lockOnly = (() => {
    git('checkout', '-q', '-b', 'lock', afterContent);
    return commit('package-lock.json', '{}\n');
  })();

  /** Runs a workflow's step as GitHub would, at `head`, comparing with `base`, and returns what it decided. */
  function decide(file: string, base: string, head: string): string {
    git('checkout', '-q', head);
    const output = join(repository, '..', `${repository.split('/').at(-1)}-output`);
    writeFileSync(output, '');
    const run = spawnSync('bash', ['-e', '-c', changesScript(file)], { cwd: repository, encoding: 'utf8', env: { ...process.env, BASE: base, GITHUB_OUTPUT: output } });
    expect(run.status, run.stderr).toBe(0);
    const decided = readFileSync(output, 'utf8').trim();
    rmSync(output);
    return decided;
  }

  it.each(['check.yml', 'deploy.yml'])('%s skips them for a change to the content alone', (file) => {
    expect(decide(file, first, afterContent)).toBe('software=false');
  });

  it.each(['check.yml', 'deploy.yml'])('%s runs them when src/ or the lock file changed', (file) => {
    expect(decide(file, afterContent, afterSoftware)).toBe('software=true');
    expect(decide(file, afterContent, lockOnly)).toBe('software=true');
  });

  it.each(['check.yml', 'deploy.yml'])('%s runs them when there is nothing to compare with: a new branch, a manual run, a rewritten history', (file) => {
    expect(decide(file, '', afterContent)).toBe('software=true');
    expect(decide(file, '0000000000000000000000000000000000000000', afterContent)).toBe('software=true');
    expect(decide(file, 'f'.repeat(40), afterContent)).toBe('software=true');
  });
});

describe('the pull request workflow', () => {
  const check = workflow('check.yml');

  it('is valid YAML that runs on every pull request', () => {
    expect(check.on).toHaveProperty('pull_request');
  });

  it('checks the content with annotations, runs the tests when the software changed and builds the site, with full history, Node 24, Chromium and the diagram cache', () => {
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

  it('checks, tests (when the software changed) and builds before it publishes anything', () => {
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
