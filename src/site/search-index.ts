/**
 * The search index: Pagefind reads the built pages and writes its index beside
 * them, under /pagefind/. Only content marked `data-pagefind-body` is indexed,
 * so headers, footers and the 404 page never turn up in results.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** What indexing found. */
export interface SearchIndexResult {
  /** How many pages were indexed. */
  pages: number;
}

/**
 * Indexes every HTML page in a built site and writes the index to `<outDir>/pagefind/`.
 * Throws with Pagefind's own messages if it cannot, so the build stops rather
 * than publishing a site whose search is silently broken.
 */
export async function indexSearch(outDir: string): Promise<SearchIndexResult> {
  try {
    // The register is written in English; one index keeps en and en-GB pages together.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
