/** Site settings: `content/site.yaml`. */
import { z } from 'zod';
import { TextSchema } from './values.ts';

/** `content/site.yaml`: settings for the whole register. */
export const SiteSchema = z.strictObject({
  /** The register's name, shown in the header of every page and in feeds. */
  title: TextSchema,
  /** Who publishes the register (your team or council), shown in the header and footer. */
  publisher: TextSchema,
  /** The full web address the site is published at, path included (`https://partnerships.example.org`, or `https://www.example.org/register/` for a folder of a website): every link is under it, and feeds, the sitemap and open data use it. */
  base_url: z.url({ protocol: /^https?$/, error: 'must be a full web address starting with https://, such as https://partnerships.example.org' }),
  /** Optional: the git repository holding the content (`https://github.com/example/partnerships`), for "edit this page" and history links. */
  repository: z.url({ protocol: /^https?$/, error: 'must be a full web address starting with https://' }).nullish(),
  /** Optional: how many months may pass before a partnership page must be checked again (default 12). */
  review_every_months: z.int({ error: 'must be a whole number of months, such as 12' }).positive({ error: 'must be at least 1' }).nullish(),
  /** Optional: the most priorities a district chapter should have (default 5): "a limited set of high level priorities". */
  max_chapter_priorities: z.int({ error: 'must be a whole number, such as 5' }).positive({ error: 'must be at least 1' }).nullish(),
  /** Optional: the licence open data is published under (default: Open Government Licence v3.0). */
  licence: TextSchema.nullish(),
});

/** Site settings as written in `site.yaml`. */
export type SiteInput = z.input<typeof SiteSchema>;
/** Site settings after validation. */
export type Site = z.output<typeof SiteSchema>;
