import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdown, safeUrl } from '../../src/site/markdown.ts';

/** Every tag the renderer writes itself; anything else in its output came from content and would be a hole. */
const OWN_TAGS = /<\/?(p|h[2-6]|ul|ol|li|blockquote|hr|pre|code|em|strong|br|a|table|thead|tbody|tr|th|td)(\s+(class|href|start|scope)="[^"<>]*")*\s*>/g;

describe('rendering Markdown', () => {
  it('gives paragraphs, lists and emphasis GOV.UK classes', () => {
    expect(renderMarkdown('Some *words*.\n\n- one\n- two')).toBe(
      '<p class="govuk-body">Some <em>words</em>.</p>\n<ul class="govuk-list govuk-list--bullet">\n<li>one</li>\n<li>two</li>\n</ul>',
    );
  });

  it('shows raw HTML as the text that was written', () => {
    const html = renderMarkdown('Hello <script>alert("x")</script>\n\n<img src=x onerror=alert(1)>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img/);
  });

  it('keeps web and mail links and drops script links, keeping their text', () => {
    const html = renderMarkdown('[report](https://example.org/a?b=1&c=2) [bad](javascript:alert(1)) [mail](mailto:a@example.org)');
    expect(html).toContain('<a class="govuk-link" href="https://example.org/a?b=1&amp;c=2">report</a>');
    expect(html).toContain(' bad ');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="mailto:a@example.org"');
  });

  it('moves headings down so the page’s heading levels stay in order', () => {
    expect(renderMarkdown('## Structure\n\n### Board', { topHeading: 3 })).toBe('<h3 class="govuk-heading-m">Structure</h3>\n<h4 class="govuk-heading-s">Board</h4>');
    expect(renderMarkdown('# Title', { topHeading: 2 })).toBe('<h2 class="govuk-heading-l">Title</h2>');
  });

  it('turns a pipe table into a GOV.UK table with headers and escaped cells', () => {
    const html = renderMarkdown('| Fund | Amount |\n|---|---:|\n| Second Homes <b>fund</b> | £443K |');
    expect(html).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric">Amount</th>');
    expect(html).toContain('<th scope="row" class="govuk-table__header">Second Homes &lt;b&gt;fund&lt;/b&gt;</th>');
    expect(html).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">£443K</td>');
  });

  it('leaves a paragraph with pipes that is not a table as a paragraph', () => {
    expect(renderMarkdown('either | or')).toBe('<p class="govuk-body">either | or</p>');
  });

  it('never lets a tag from the content through, whatever is written', () => {
    const markdownish = fc.stringMatching(/^[\s\S]{0,200}$/).map((s) => s.replace(/\u0000/g, ''));
    const tricky = fc.constantFrom('<script>', '<a href="javascript:x">', '<img onerror=x>', '[a](javascript:x)', '![i](data:x)', '<!-- c -->', '`<b>`', '| a | b |\n|---|---|\n| <i> | x |');
    fc.assert(
      fc.property(fc.array(fc.oneof(markdownish, tricky), { maxLength: 6 }), (parts) => {
        const html = renderMarkdown(parts.join('\n'));
        expect(html.replace(OWN_TAGS, '')).not.toMatch(/<[a-z!/]/i);
        expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
      }),
      { numRuns: 300 },
    );
  });
});

describe('safeUrl', () => {
  it('refuses schemes that run code, even disguised with spaces or case', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example']) expect(safeUrl(url)).toBeUndefined();
  });

  it('keeps web, mail, telephone and same-site addresses', () => {
    for (const url of ['https://example.org', 'http://example.org', 'mailto:a@b.org', 'tel:01234567890', '/decisions/', '#top', 'report.pdf']) expect(safeUrl(url)).toBe(url);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters HTML gives meaning to', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
