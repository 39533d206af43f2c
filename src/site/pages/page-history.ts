/**
 * What a page's "Last updated" line and history section are worked out from:
 * the content files the page is built from, and the repository that holds
 * them (site.yaml `repository`), to link each change to.
 */
import type { SiteModel } from '../../model/index.ts';

/** The props of PageHistory, as a page passes them. */
export interface PageHistoryView {
  /** The page's content files, relative to the content folder (the model's `file`). */
  files: string[];
  /** Where the files can be read online; without it, changes are listed without links. */
  repository?: string;
}

/**
 * The history of a page built from these files.
 *
 * @example
 * pageHistory(site, [decision.file]) // { files: ['partnerships/vale-lsp/decisions/2011-11-08-grants.md'], repository: 'https://github.com/…' }
 */
export function pageHistory(site: Pick<SiteModel, 'repository'>, files: readonly string[]): PageHistoryView {
  return { files: [...files], ...(site.repository ? { repository: site.repository } : {}) };
}
