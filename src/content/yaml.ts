/**
 * YAML in, plain data out, with plain-English messages for syntax errors.
 * js-yaml's fast loader reads every file; only a file with a problem is read a
 * second time, as events, to find where each problem is (see `locateInYaml`).
 */
import { EVENT_ID, getScalarValue, load, parseEvents, YAMLException, type Event } from 'js-yaml';
import type { PathSegment } from './diagnostics.ts';

/**
 * Officers never need anchors and aliases, and an alias is how a few lines of
 * YAML expand into billions of nodes; refusing them keeps every file bounded.
 */
const LOAD_OPTIONS = { maxAliases: 0, maxDepth: 40 } as const;

/** A YAML problem at a character offset in the parsed text. */
export interface YamlProblem {
  offset: number;
  code: string;
  message: string;
}

/** Parsed data, or the problems that stopped parsing. */
export type YamlResult = { ok: true; data: unknown } | { ok: false; problems: YamlProblem[] };

/**
 * Parses one YAML document. Syntax errors come back as problems, never thrown.
 * Duplicate keys are all reported together (not just the first), and the data
 * is still returned so the rest of the file can be checked in the same run.
 */
export function parseYaml(text: string): YamlResult {
  try {
    return { ok: true, data: load(text, LOAD_OPTIONS) };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    if (error.reason === 'duplicated mapping key') return reportDuplicateKeys(text);
    return { ok: false, problems: [explainYamlException(error, text)] };
  }
}

function reportDuplicateKeys(text: string): YamlResult {
  const problems = scanEvents(text).duplicates.map(({ key, offset }) => ({
    offset,
    code: 'duplicate-key',
    message: `the key "${key}" appears more than once in the same place; each key may appear only once; delete one of them or merge their values`,
  }));
  // With duplicates allowed, the last value wins: good enough to check the rest.
  try {
    return problems.length > 0 ? { ok: false, problems: [...problems] } : { ok: true, data: load(text, LOAD_OPTIONS) };
  } catch (error) {
    if (error instanceof YAMLException) return { ok: false, problems: [...problems, explainYamlException(error, text)] };
    throw error;
  }
}

/** Reasons js-yaml gives, and what an officer should do about each. */
const HINTS: [RegExp, string, string][] = [
  [/tab characters/, 'tab-indentation', 'a tab is used for indentation here; YAML indentation must be spaces; replace the tab with spaces (two per level)'],
  [/maxAliases/, 'yaml-alias', 'this file uses a YAML alias (*name); aliases and anchors are not supported in content files; write the value out in full where it is needed'],
  [/maxDepth/, 'too-deep', 'values are nested too deeply here; content files need at most a few levels of nesting; check the indentation and brackets'],
  [/unknown .*tag/, 'yaml-tag', 'this value has a YAML tag (starting with !); tags are not supported in content files; remove the tag and write a plain value'],
  [/input is empty/, 'empty-file', 'this file is empty; expected the keys the contract requires for this kind of file; copy a similar file as a starting point'],
  [/more than one|found more/, 'multiple-documents', 'this file holds more than one YAML document (a line with only "---" separates them); expected one; remove the extra "---" line'],
  [/bad indentation|deficient indentation|end of the stream/, 'yaml-syntax', 'the YAML here cannot be read: check the indentation of this line against the lines above, and put quotes around text that contains ": " or starts with a special character such as [ { * & ! | > \' " % @ `'],
];

function explainYamlException(error: YAMLException, text: string): YamlProblem {
  const offset = Math.min(error.mark?.position ?? 0, text.length);
  for (const [pattern, code, message] of HINTS) {
    if (pattern.test(error.reason)) return { offset, code, message };
  }
  return {
    offset,
    code: 'yaml-syntax',
    message: `the YAML here cannot be read (${error.reason}); check the quotes, brackets and indentation on this line and the one before`,
  };
}

/** Where a value and the key naming it start, as character offsets. */
interface NodeOffsets {
  key?: number;
  value: number;
}

interface Frame {
  kind: 'mapping' | 'sequence';
  path: string;
  index: number;
  expectKey: boolean;
  key?: { name: string; offset: number };
  seen: Set<string>;
}

/**
 * Walks the YAML as events and records where every node starts, keyed by its
 * path (`bodies\0001\0size`), and every duplicate key. Used only on files that
 * have problems, to turn data paths into lines and columns.
 */
function scanEvents(text: string): { nodes: Map<string, NodeOffsets>; duplicates: { key: string; offset: number }[] } {
  const nodes = new Map<string, NodeOffsets>();
  const duplicates: { key: string; offset: number }[] = [];
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: LOAD_OPTIONS.maxDepth });
  } catch {
    return { nodes, duplicates };
  }
  const stack: Frame[] = [];

  const startOf = (event: Event): number => {
    if (event.type === EVENT_ID.SCALAR) return firstPresent(event.anchorStart, event.tagStart, quoteStart(text, event.valueStart));
    if (event.type === EVENT_ID.ALIAS) return event.anchorStart;
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) return firstPresent(event.anchorStart, event.tagStart, event.start);
    return 0;
  };

  // Called for every node that is a value (not a key); returns its path.
  const placeValue = (offset: number): string => {
    const parent = stack.at(-1);
    if (!parent) {
      nodes.set('', { value: offset });
      return '';
    }
    if (parent.kind === 'sequence') {
      const path = joinPath(parent.path, parent.index++);
      nodes.set(path, { value: offset });
      return path;
    }
    const path = joinPath(parent.path, parent.key?.name ?? '');
    nodes.set(path, { key: parent.key?.offset, value: offset });
    parent.expectKey = true;
    return path;
  };

  for (const event of events) {
    const top = stack.at(-1);
    if (event.type === EVENT_ID.DOCUMENT) continue;
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    if (top?.kind === 'mapping' && top.expectKey) {
      // A key. Only scalar keys can name a path; a complex key is skipped whole.
      const name = event.type === EVENT_ID.SCALAR ? getScalarValue(text, event) : '?';
      const offset = startOf(event);
      if (top.seen.has(name)) duplicates.push({ key: name, offset });
      top.seen.add(name);
      top.key = { name, offset };
      top.expectKey = false;
      if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
        stack.push({ kind: event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence', path: '\u0001', index: 0, expectKey: true, seen: new Set() });
      }
      continue;
    }
    const path = placeValue(startOf(event));
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      stack.push({ kind: event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence', path, index: 0, expectKey: true, seen: new Set() });
    }
  }
  return { nodes, duplicates };
}

/** js-yaml gives a quoted scalar's start inside its quotes; officers expect the quote. */
function quoteStart(text: string, valueStart: number): number {
  const before = text[valueStart - 1];
  return before === '"' || before === "'" ? valueStart - 1 : valueStart;
}

function firstPresent(...offsets: number[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const o of offsets) if (o >= 0 && o < best) best = o;
  return Number.isFinite(best) ? best : 0;
}

function joinPath(parent: string, segment: PathSegment): string {
  return parent === '' ? String(segment) : `${parent}\u0000${segment}`;
}

/**
 * Finds where a path points in a YAML text: the value, the key naming it, or
 * the mapping holding it. Falls back to the nearest ancestor that exists, so a
 * problem is always placed inside the file.
 */
export class YamlLocator {
  private nodes?: Map<string, NodeOffsets>;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** The character offset for a locator, relative to the start of this YAML text. */
  offset(path: readonly PathSegment[], at: 'value' | 'key' | 'parent'): number {
    this.nodes ??= scanEvents(this.text).nodes;
    const segments = at === 'parent' ? path.slice(0, -1) : [...path];
    for (let length = segments.length; length >= 0; length--) {
      const node = this.nodes.get(segments.slice(0, length).reduce<string>((p, s) => joinPath(p, s), ''));
      if (!node) continue;
      if (length === segments.length && at === 'key' && node.key !== undefined) return node.key;
      return node.value;
    }
    return 0;
  }
}
