/**
 * Where the site is served comes from site.yaml's base_url alone: its path is
 * Astro's `base` and the start of every address the register writes. A
 * site.yaml the checker would refuse never stops Astro's config from loading.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { basePathOf, siteBasePath } from '../../src/site/base-path.ts';
import { ROOT } from '../helpers/fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'base-path-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the site tests' fixture whose site.yaml is `siteYaml`, or has none when it is undefined. */
function contentWith(name: string, siteYaml: string | undefined): string {
  const content = join(work, name);
  cpSync(join(ROOT, 'test/site/fixtures/content'), content, { recursive: true });
  if (siteYaml === undefined) rmSync(join(content, 'site.yaml'));
  else writeFileSync(join(content, 'site.yaml'), siteYaml);
  return content;
}

const site = (baseUrl: string) => `title: Register\npublisher: Policy Team\nbase_url: ${baseUrl}\n`;

describe('the base path read from site.yaml', () => {
  it.each([
    ['https://www.example.org/register/', '/register/'],
    ['https://www.example.org/register', '/register/'],
    ['https://owner.github.io/partnerships/register/', '/partnerships/register/'],
    ['https://partnerships.example.org', '/'],
    ['https://partnerships.example.org/', '/'],
  ])('serves a site whose base_url is %s at %s', (baseUrl, path) => {
    expect(basePathOf(baseUrl)).toBe(path);
    expect(siteBasePath(contentWith(`valid-${path.replaceAll('/', '-')}${baseUrl.length}`, site(baseUrl)))).toBe(path);
  });

  it.each([
    ['a base_url that is not a web address', site('partnerships.example.org/register/')],
    ['no base_url', 'title: Register\npublisher: Policy Team\n'],
    ['YAML that cannot be read', 'base_url: [https://www.example.org/register/\n'],
    ['no site.yaml at all', undefined],
  ])('serves from the root when site.yaml has %s, leaving the checker to say what is wrong', (about, siteYaml) => {
    expect(siteBasePath(contentWith(`invalid-${about.replaceAll(' ', '-')}`, siteYaml))).toBe('/');
  });
});

describe("Astro's config", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  /** astro.config.mjs as Astro loads it, with CONTENT_DIR set to `content`. */
  async function configFor(content: string) {
    vi.stubEnv('CONTENT_DIR', content);
    vi.resetModules();
    return (await import('../../astro.config.mjs')).default;
  }

  it('sets base, and the path the pages and scripts build their addresses on, from the content folder named by CONTENT_DIR', async () => {
    const config = await configFor(contentWith('config-sub-path', site('https://www.example.org/register/')));
    expect(config.base).toBe('/register/');
    expect(config.vite?.define).toEqual({ __REGISTER_BASE_PATH__: JSON.stringify('/register/') });
  });

  it('loads with an invalid site.yaml, at the root, rather than failing before the checker can report it', async () => {
    const config = await configFor(contentWith('config-invalid', site('not a web address')));
    expect(config.base).toBe('/');
  });
});
