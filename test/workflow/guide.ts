/**
 * Reads the authoring guide's examples, so tests can check each one with the
 * real checker. A YAML example's info string names its content type and the
 * file it stands for: ```` ```yaml decision partnerships/<id>/decisions/<id>.md ````;
 * `mistake` after the path marks an example that must fail, and the ```` ```text ````
 * block after it holds exactly what the checker prints about that file.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { remark } from 'remark';
import type { Code } from 'mdast';
import type { Diagnostic } from '../../src/content/diagnostics.ts';
import { formatDiagnostic } from '../../src/content/report.ts';
import type { ContentKind } from '../../src/content/load.ts';
import { ROOT, TODAY, temporaryFolder } from '../helpers/fixtures.ts';
import { checkContent } from '../../src/model/index.ts';

/** The guide, as committed. */
export const GUIDE = join(ROOT, 'docs/authoring.md');

/** A YAML example from the guide. */
export interface GuideExample {
  kind: ContentKind;
  /** The file it stands for, relative to the content folder. */
  file: string;
  /** The whole file: for Markdown types, the block includes the `---` lines. */
  text: string;
  mistake: boolean;
  /** For a mistake: the lines of the text block after it. */
  expected?: string[];
  /** Line of the block in the guide, for test names. */
  line: number;
}

/** Every fenced code block in the guide, in order. */
export function guideCodeBlocks(markdown = readFileSync(GUIDE, 'utf8')): Code[] {
  const blocks: Code[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'code') blocks.push(node as unknown as Code);
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(remark().parse(markdown));
  return blocks;
}

/** The guide's YAML examples, with the expected output of each mistake. */
export function guideExamples(markdown?: string): GuideExample[] {
  const blocks = guideCodeBlocks(markdown);
  return blocks.flatMap((block, i) => {
    if (block.lang !== 'yaml') return [];
    const [kind, file, flag] = (block.meta ?? '').split(/\s+/);
    const mistake = flag === 'mistake';
    const next = blocks[i + 1];
    return [{
      kind: kind as ContentKind,
      file,
      text: `${block.value}\n`,
      mistake,
      expected: mistake && next?.lang === 'text' ? next.value.split('\n') : undefined,
      line: block.position?.start.line ?? 0,
    }];
  });
}

/** The content type a file's place in the layout gives it. */
export function kindOfPath(file: string): ContentKind | undefined {
  if (file === 'site.yaml') return 'site';
  if (/^partnerships\/[^/]+\/partnership\.md$/.test(file)) return 'partnership';
  const folder = /^partnerships\/[^/]+\/(structures|strategies|chapters|decisions)\/[^/]+\.(yaml|md)$/.exec(file)?.[1];
  return ({ structures: 'structure', strategies: 'strategy', chapters: 'chapter', decisions: 'decision' } as const)[folder as 'structures'];
}

/**
 * Runs the checker on the example content with one file replaced (or added)
 * by the example, and returns every diagnostic and that file's lines as the
 * checker prints them (paths under `content/`).
 */
export function checkExample(example: GuideExample): { all: Diagnostic[]; lines: string[] } {
  const folder = temporaryFolder('register-guide-');
  try {
    const dir = join(folder, 'content');
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    mkdirSync(dirname(join(dir, example.file)), { recursive: true });
    writeFileSync(join(dir, example.file), example.text);
    const all = checkContent(dir, { today: TODAY }).diagnostics;
    return { all, lines: all.filter((d) => d.file === example.file).map((d) => formatDiagnostic(d, 'content')) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
