/**
 * What every page shows around its own content: the browser tab's title, the
 * canonical address, the header with the register's sections, the footer, and
 * in the preview the checker's problems. Worked out from the site settings and
 * the page's address, so the layout and its components only render.
 */
import { CHANGES_FEED_URL, CHANGES_URL, COMPARE_URL } from '../scrutiny/urls.ts';
import { countDiagnostics, type Diagnostic } from '../../content/diagnostics.ts';
import { formatDiagnostic } from '../../content/report.ts';
import type { Model, SiteModel } from '../../model/index.ts';
import { ACCESSIBILITY_URL, DATA_URL, FEED_URL, GUIDE_URL, PARTNERSHIPS_URL, REGISTER_URL, SEARCH_URL } from '../urls.ts';

/** A link in the header's navigation, and whether the page is that section or inside it. */
export interface SectionLink {
  text: string;
  href: string;
  /** `aria-current`: `page` on the section's own page, `true` on a page inside it, absent elsewhere. */
  current?: 'page' | 'true';
}

/** The header: who publishes the register, its name, and its sections. */
export interface HeaderView {
  publisher: string;
  title: string;
  sections: SectionLink[];
}

/** The footer: support links, and who publishes the register under what licence. */
export interface FooterView {
  links: { text: string; href: string }[];
  title: string;
  publisher: string;
  licence: string;
}

/** The checker's problems, shown at the top of every page in the preview only. */
export interface PreviewProblems {
  errors: number;
  warnings: number;
  /** One line per problem, as the checker prints it, with the content folder's name: the saved file's first. */
  lines: string[];
  /** The file saved last (`content/…`), and how many of `lines`, from the first, are its problems. */
  saved?: { file: string; count: number };
  /** Why structure diagrams are not drawn in the preview, and what to do; absent when they are drawn. */
  diagrams?: string;
}

/**
 * What the preview knows beyond the content: the file the officer saved last
 * (its problems come first, in the terminal and on the page) and why diagrams
 * could not be drawn. Kept by the preview's integration
 * (src/integrations/content-preview.ts), read by every page it renders.
 */
export interface PreviewState {
  /** The saved file, relative to the content folder (`partnerships/x/decisions/y.md`). */
  savedFile?: string;
  /** Why structure diagrams are not drawn, and what to run, when they could not be. */
  diagrams?: string;
}

/**
 * Where the preview's integration leaves its state for the pages. The pages
 * run in Vite's module runner, with their own copy of this module, in the same
 * process: a global slot is what both see.
 */
const PREVIEW_STATE = Symbol.for('partnership-register.preview-state');
type PreviewStateSlot = { [PREVIEW_STATE]?: PreviewState };

/** Records what the preview knows, for the pages rendered next. */
export function setPreviewState(state: PreviewState): void {
  (globalThis as PreviewStateSlot)[PREVIEW_STATE] = state;
}

/** What the preview knows now: nothing outside the preview. */
export function previewState(): PreviewState {
  return (globalThis as PreviewStateSlot)[PREVIEW_STATE] ?? {};
}

/** Everything around a page's own content. */
export interface LayoutView {
  /** The browser tab's title: the page's, then the register's name. */
  documentTitle: string;
  /** The page's full canonical address, when it has an address of its own. */
  canonical?: string;
  header: HeaderView;
  footer: FooterView;
  /** Set only in the preview, when the checker found something. */
  problems?: PreviewProblems;
}

/** What a page tells the layout about itself. */
export interface LayoutOptions {
  /** The page's own title. */
  title: string;
  /** The page's path (`/decisions/`). */
  pathname: string;
  /** Whether the page has an address of its own to name as canonical (not the 404 page, served at any missing address). */
  canonical: boolean;
  /** Whether this is the officers' preview (`npm run dev`), which shows the checker's problems. */
  preview: boolean;
}

/**
 * The layout's view of a page.
 *
 * @example
 * layoutView(model, { title: 'Search', pathname: '/search/', canonical: true, preview: false }).documentTitle
 * // 'Search – Partnership Register'
 */
export function layoutView(model: Pick<Model, 'site' | 'diagnostics'>, options: LayoutOptions): LayoutView {
  const { site } = model;
  const problems = options.preview ? previewProblems(model.diagnostics, previewState()) : undefined;
  return {
    documentTitle: `${options.title} – ${site.title}`,
    ...(options.canonical ? { canonical: new URL(options.pathname, site.base_url).href } : {}),
    header: headerView(site, options.pathname),
    footer: footerView(site),
    ...(problems ? { problems } : {}),
  };
}

/**
 * The header, with the section the page belongs to marked as current.
 *
 * @example
 * headerView(site, '/decisions/year/2011/').sections[1] // { text: 'Decisions', href: '/decisions/', current: 'true' }
 */
export function headerView(site: Pick<SiteModel, 'publisher' | 'title'>, pathname: string): HeaderView {
  const sections = [
    { text: 'Partnerships', href: PARTNERSHIPS_URL },
    { text: 'Decisions', href: REGISTER_URL },
    { text: 'Boards compared', href: COMPARE_URL },
    { text: 'What changed', href: CHANGES_URL },
    { text: 'Search', href: SEARCH_URL },
  ].map((section): SectionLink => {
    const current = pathname === section.href ? 'page' : pathname.startsWith(section.href) ? 'true' : undefined;
    return current ? { ...section, current } : section;
  });
  return { publisher: site.publisher, title: site.title, sections };
}

/** The footer; the link to the source files only when site.yaml names a `repository`. */
export function footerView(site: Pick<SiteModel, 'publisher' | 'title' | 'licence' | 'repository'>): FooterView {
  const links = [
    { text: 'Accessibility statement', href: ACCESSIBILITY_URL },
    { text: 'All partnerships', href: PARTNERSHIPS_URL },
    { text: 'Decision register', href: REGISTER_URL },
    { text: 'Open data', href: DATA_URL },
    { text: 'Decisions feed (Atom)', href: FEED_URL },
    { text: 'Changes feed (Atom)', href: CHANGES_FEED_URL },
    { text: 'Guide for officers', href: GUIDE_URL },
    ...(site.repository ? [{ text: 'Source files and history', href: site.repository }] : []),
  ];
  return { links, title: site.title, publisher: site.publisher, licence: site.licence };
}

/**
 * The problems to show in the preview, the saved file's first; undefined when
 * there is nothing to show.
 *
 * @example
 * previewProblems(diagnostics, { savedFile: 'partnerships/x/decisions/y.md' }).saved
 * // { file: 'content/partnerships/x/decisions/y.md', count: 1 }
 */
export function previewProblems(diagnostics: readonly Diagnostic[], state: PreviewState = {}): PreviewProblems | undefined {
  if (diagnostics.length === 0 && !state.diagrams) return undefined;
  const ordered = savedFileFirst(diagnostics, state.savedFile);
  const count = state.savedFile === undefined ? 0 : ordered.filter((d) => d.file === state.savedFile).length;
  return {
    ...countDiagnostics(diagnostics),
    lines: ordered.map((d) => formatDiagnostic(d, 'content')),
    ...(state.savedFile !== undefined && diagnostics.length > 0 ? { saved: { file: `content/${state.savedFile}`, count } } : {}),
    ...(state.diagrams ? { diagrams: state.diagrams } : {}),
  };
}

/**
 * The problems of the saved file first, then the rest, each in the checker's
 * order: the officer sees what they have just changed before what others wrote.
 *
 * @example
 * savedFileFirst(diagnostics, 'partnerships/x/decisions/y.md')[0].file // 'partnerships/x/decisions/y.md'
 */
export function savedFileFirst(diagnostics: readonly Diagnostic[], savedFile: string | undefined): Diagnostic[] {
  if (savedFile === undefined) return [...diagnostics];
  return [...diagnostics.filter((d) => d.file === savedFile), ...diagnostics.filter((d) => d.file !== savedFile)];
}
