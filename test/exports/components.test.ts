/**
 * JsonLd and FeedLinks as a browser gets them: built into a page by Astro,
 * over the fixture content (whose partnership summary holds `</script>`).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPage, PROJECT_ROOT } from '../history/astro-build.ts';

const content = fileURLToPath(new URL('fixtures/content', import.meta.url));
let html: string;

beforeAll(async () => {
  html = await buildPage(`---
import FeedLinks from '${join(PROJECT_ROOT, 'src/components/FeedLinks.astro')}';
import JsonLd from '${join(PROJECT_ROOT, 'src/components/JsonLd.astro')}';
import { partnershipJsonLd } from '${join(PROJECT_ROOT, 'src/exports/index.ts')}';
import { loadModel } from '${join(PROJECT_ROOT, 'src/model/index.ts')}';
const model = loadModel();
const vale = model.partnerships.find((p) => p.id === 'vale-lsp');
---
<html lang="en-GB"><head><title>Vale</title>
<FeedLinks partnership={vale} />
<JsonLd data={partnershipJsonLd(model, vale)} />
</head><body><main><h1>Vale</h1></main></body></html>
`, content);
}, 60_000);

describe('FeedLinks', () => {
  it('points browsers and feed readers at the register’s feed and the partnership’s', () => {
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="All decisions (Atom feed)" href="/decisions.xml">');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Decisions of Vale &quot;Together&quot; LSP (Atom feed)" href="/partnerships/vale-lsp/decisions.xml">');
  });
});

describe('JsonLd', () => {
  it('inlines the partnership as JSON-LD that content cannot break out of', () => {
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(scripts[0][1]);
    expect(data).toMatchObject({ '@type': 'GovernmentOrganization', name: 'Vale "Together" LSP', description: 'A district partnership with </script> in its summary, to test escaping.' });
    expect(scripts[0][1]).not.toContain('</script>');
  });

  it('makes a valid page with the feed links', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
