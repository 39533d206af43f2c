/**
 * A page's sources and the citations that point at them. Every page that
 * states facts ends with a numbered list of the documents they come from; each
 * cited fact carries a link to its entry there, whose text a screen reader
 * announces in full ("source 2: Chorley Partnership – a way forward, para 26"),
 * and each entry links back to every place that cites it (the accessible
 * footnote pattern). Worked out once per page from the files it shows.
 */
import type { PathSegment } from '../content/diagnostics.ts';
import type { PartnershipModel } from '../model/index.ts';
import { citationsIn, REPORT_SOURCE_ID } from '../rules/sources.ts';
import type { Citation, Source } from '../schemas/index.ts';
import { formatDate } from './format.ts';

/** One file a page shows: its path (relative to the content folder) and its validated data. */
export interface ShownFile {
  file: string;
  value: object;
  /**
   * What to call a cited item that has no name of its own in the data (a
   * relation is named by what it links), for the link back from its source;
   * undefined to name it from its keys.
   */
  labelOf?: (path: readonly PathSegment[]) => string | undefined;
}

/** A link from a cited fact to its source. */
export interface CiteMark {
  /** The link's own id, which the source's entry links back to. */
  id: string;
  /** The source's number on the page. */
  number: number;
  /** `#source-<n>`. */
  href: string;
  /** What a screen reader announces: "source 2: Title, para 26". */
  label: string;
}

/** One entry of a page's list of sources. */
export interface SourceEntry {
  number: number;
  /** The entry's id, which citations link to. */
  id: string;
  title: string;
  /** Publisher, date, author and reference, in that order, each when recorded. */
  details: string[];
  /** The document's address, only when it is an http(s) address. */
  url?: string;
  /** The places on the page that cite it, each with a link back. */
  citedFrom: { id: string; label: string; where?: string }[];
}

/** A page's sources, and the citation links of each cited item. */
export interface PageSources {
  entries: SourceEntry[];
  /** The citation links of the item at `path` in `file`. */
  marks(file: string, ...path: PathSegment[]): CiteMark[];
}

/** A source as the page lists it, wherever it is declared. */
interface Known {
  source: Pick<Source, 'id' | 'title'> & Partial<Source>;
  /** Where it is declared: a file's own sources, or the partnership's. */
  scope: string;
}

/** Only a web address is shown as a link: `javascript:` and the like never reach the page. */
function webAddress(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** What an item at a path is, for the link back to it: its name, title or item, or the key. */
function labelAt(value: unknown, path: readonly PathSegment[]): string {
  let node: unknown = value;
  let label = 'This page';
  for (const segment of path) {
    node = node && typeof node === 'object' ? (node as Record<PathSegment, unknown>)[segment] : undefined;
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      const named = node as Record<string, unknown>;
      const name = [named.name, named.title, named.item, named.sector, named.indicator, named.text].find((x) => typeof x === 'string');
      if (typeof name === 'string') label = name.length > 80 ? `${name.slice(0, 77)}…` : name;
      else if (segment === 'funding') label = 'Funding table';
    }
  }
  return label;
}

/**
 * The declared sources of one file: its own, and a decision's report as the
 * source `report`. A report has no date of its own: the decision's date is
 * when it was considered, not when it was written, so none is given (as in
 * decisions.json).
 */
function ownSources(shown: ShownFile): Known[] {
  const value = shown.value as { sources?: Source[] | null; report?: { title?: string | null; author?: string | null; reference?: string | null; publisher?: string | null; url?: string | null } | null; title?: string };
  const known: Known[] = [];
  if (value.report) {
    const report = value.report;
    known.push({
      scope: shown.file,
      source: {
        id: REPORT_SOURCE_ID,
        title: report.title ?? `The report on “${value.title ?? 'this decision'}”`,
        ...(report.publisher ? { publisher: report.publisher } : {}),
        ...(report.author ? { author: report.author } : {}),
        ...(report.reference ? { reference: report.reference } : {}),
        ...(report.url ? { url: report.url } : {}),
      },
    });
  }
  for (const source of value.sources ?? []) if (source.id !== REPORT_SOURCE_ID || !value.report) known.push({ scope: shown.file, source });
  return known;
}

/**
 * The sources of a page showing `files` of a partnership: each file's own
 * sources (a decision's report first), then the partnership's when a file
 * cites one of them or names no source of its own (it is then taken from them).
 *
 * @example
 * const sources = pageSources(partnership, [{ file: structure.file, value: structure }]);
 * sources.marks(structure.file, 'bodies', 0)[0].label // 'source 1: Chorley Partnership – a way forward, para 26'
 */
export function pageSources(partnership: PartnershipModel | undefined, files: readonly ShownFile[]): PageSources {
  const partnershipFile = partnership ? { file: partnership.file, value: partnership } : undefined;
  const partnershipKnown = partnershipFile ? ownSources(partnershipFile) : [];
  const entries: SourceEntry[] = [];
  const entryOf = new Map<Known['source'], SourceEntry>();
  const add = (known: Known) => {
    let entry = entryOf.get(known.source);
    if (!entry) {
      const { source } = known;
      const number = entries.length + 1;
      const details = [source.publisher, source.date ? formatDate(source.date) : undefined, source.author, source.reference || undefined].filter((x): x is string => typeof x === 'string' && x !== '');
      const url = webAddress(source.url);
      entry = { number, id: `source-${number}`, title: source.title, details, ...(url ? { url } : {}), citedFrom: [] };
      entryOf.set(source, entry);
      entries.push(entry);
    }
    return entry;
  };
  const marks = new Map<string, CiteMark[]>();
  const key = (file: string, path: readonly PathSegment[]) => `${file}\u0000${path.join('\u0000')}`;
  for (const shown of files) {
    const own = ownSources(shown);
    for (const known of own) add(known);
    const uses = citationsIn(shown.value);
    if (own.length === 0 && shown.file !== partnershipFile?.file) for (const known of partnershipKnown) add(known);
    uses.forEach((use, i) => {
      const known = own.find((k) => k.source.id === use.citation.source) ?? partnershipKnown.find((k) => k.source.id === use.citation.source);
      if (!known) return;
      const entry = add(known);
      const itemPath = use.path.slice(0, use.path.lastIndexOf('cite'));
      const id = `cite-${files.indexOf(shown)}-${i}`;
      const where = use.citation.where;
      // A composed label (a relation's two names) is kept whole: cut short, it would lose what it links to.
      entry.citedFrom.push({ id, label: shown.labelOf?.(itemPath) ?? labelAt(shown.value, itemPath), ...(where ? { where } : {}) });
      const mark: CiteMark = { id, number: entry.number, href: `#${entry.id}`, label: `source ${entry.number}: ${entry.title}${where ? `, ${where}` : ''}` };
      const k = key(shown.file, itemPath);
      marks.set(k, [...(marks.get(k) ?? []), mark]);
    });
  }
  return { entries, marks: (file, ...path) => marks.get(key(file, path)) ?? [] };
}

/** A citation as text, for places that cannot link: "Chorley Partnership – a way forward, para 26". */
export function citationText(citation: Citation, title: string): string {
  return citation.where ? `${title}, ${citation.where}` : title;
}
