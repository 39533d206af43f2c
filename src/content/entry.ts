/** What validation makes of a file: its place, its Markdown, and its validated data. */
import type { Citation, ContentData } from '../schemas/index.ts';
import type { PathSegment } from './diagnostics.ts';
import type { ContentFile, ContentKind } from './load.ts';

/** A citation, and where in the file it is. */
export interface CitationUse {
  path: PathSegment[];
  citation: Citation;
}

/** What a file's sources leave for the rules between files to settle (see ../rules/sources.ts). */
export interface SourceFacts {
  /** The ids the file itself lists (its `sources`, and `report` for a decision with a report). */
  ids: string[];
  /** Citations naming none of those: its partnership.md's sources may hold them. */
  unresolved: CitationUse[];
}

/** A file whose data passed its schema: its place, its Markdown, and the validated data. */
export type Entry<K extends ContentKind = ContentKind> = {
  [P in K]: ContentFile & {
    kind: P;
    body?: string;
    value: ContentData[P];
    /** The file's own source ids, and the citations its partnership.md must resolve. */
    sources?: SourceFacts;
  };
}[K];
