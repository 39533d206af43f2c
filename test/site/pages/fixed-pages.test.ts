import { describe, expect, it } from 'vitest';
import { accessibilityPageData, notFoundPageData } from '../../../src/site/pages/fixed-pages.ts';
import { guidePageData } from '../../../src/site/pages/guide-page.ts';
import { exampleModel } from './example-model.ts';

const model = exampleModel();

describe('the accessibility statement', () => {
  const page = accessibilityPageData(model, '2026-11-26');

  it('names the site it applies to by its host, and who runs it', () => {
    expect(page).toMatchObject({ host: 'partnerships.example.org', siteTitle: 'Local Partnerships Register', publisher: 'Example Council Policy Team' });
  });

  it('was last reviewed the day the site was built', () => {
    expect(page.reviewed).toBe('2026-11-26');
  });
});

describe('page not found', () => {
  it('tells readers who to tell about a broken link', () => {
    expect(notFoundPageData(model)).toEqual({ title: 'Page not found', publisher: 'Example Council Policy Team' });
  });
});

describe('the authoring guide’s page', () => {
  it('takes its title from the guide’s first heading, and does not repeat it', () => {
    const page = guidePageData('# Writing for the register\n\nStart here.\n\n## Decisions\n');
    expect(page.title).toBe('Writing for the register');
    expect(page.body).toBe('\nStart here.\n\n## Decisions\n');
  });

  it('is called "Authoring guide" when the guide has no heading of its own', () => {
    expect(guidePageData('Start here.\n')).toMatchObject({ title: 'Authoring guide', body: 'Start here.\n' });
  });
});
