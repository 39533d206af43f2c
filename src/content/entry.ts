/** What validation makes of a file: its place, its Markdown, and its validated data. */
import type { ContentData } from '../schemas/index.ts';
import type { ContentFile, ContentKind } from './load.ts';

/** A file whose data passed its schema: its place, its Markdown, and the validated data. */
export type Entry<K extends ContentKind = ContentKind> = { [P in K]: ContentFile & { kind: P; body?: string; value: ContentData[P] } }[K];
