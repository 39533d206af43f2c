/** A partnership: `partnerships/<id>/partnership.md`. */
import { z } from 'zod';
import { DiscrepanciesSchema, SourcesSchema } from './sources.ts';
import { DateSchema, ReferenceSchema, TextListSchema, TextSchema } from './values.ts';

/** The kinds of partnership the register knows. */
export const PARTNERSHIP_KINDS = ['lsp', 'county-lsp', 'district-lsp', 'thematic', 'statutory', 'public-service-board', 'forum', 'other'] as const;
/** The tiers of local government a partnership covers. */
export const TIERS = ['county', 'district', 'unitary', 'neighbourhood'] as const;
/** Where a partnership is in its life. */
export const PARTNERSHIP_STATUSES = ['proposed', 'active', 'dissolved'] as const;

/** Longest summary, so it fits a list of partnerships and a search result. */
export const SUMMARY_MAX = 400;

/** Who to contact about a partnership. Every part is optional. */
export const ContactSchema = z.strictObject({
  /** A team or person's name (`Partnerships Team`). */
  name: TextSchema.nullish(),
  /** Their role (`Partnerships Officer`). */
  role: TextSchema.nullish(),
  /** An email address residents can write to. */
  email: z.email({ error: 'must be an email address, such as partnerships@example.org' }).nullish(),
  /** A phone number, written as residents should dial it (`01234 567890`). */
  phone: TextSchema.nullish(),
});

/** The frontmatter of `partnership.md`; the Markdown below it is the narrative. */
export const PartnershipSchema = z.strictObject({
  /** The partnership's full name (`Chorley Partnership`). */
  name: TextSchema,
  /** Optional: the name people use for it (`Chorley LSP`). */
  short_name: TextSchema.nullish(),
  /** What sort of partnership it is: lsp, county-lsp, district-lsp, thematic, statutory, public-service-board, forum or other. */
  kind: z.enum(PARTNERSHIP_KINDS),
  /** The area it covers, in words (`Borough of Chorley`). */
  area: TextSchema,
  /** Optional: the tier of local government it covers: county, district, unitary or neighbourhood. Only when a source says so. */
  tier: z.enum(TIERS).nullish(),
  /** Optional: the id of the partnership it sits under, usually the county's (`lancashire-partnership`). */
  parent: ReferenceSchema.nullish(),
  /** proposed, active or dissolved. A dissolved partnership also needs `dissolved`. */
  status: z.enum(PARTNERSHIP_STATUSES),
  /** Optional: when it was set up (`1996`, `2002-10` or `2010-01-12`: as precise as the records are). */
  established: DateSchema.nullish(),
  /** Optional: when it became a Local Strategic Partnership. */
  became_lsp: DateSchema.nullish(),
  /** When it was dissolved: required when `status` is dissolved. */
  dissolved: DateSchema.nullish(),
  /** Optional: its legal form (`Company limited by guarantee`). */
  legal_form: TextSchema.nullish(),
  /** Optional: the organisation that holds its money and is answerable for it. */
  accountable_body: TextSchema.nullish(),
  /** What it is for: at least one line, each starting with "- ". */
  purpose: TextListSchema.pipe(z.array(TextSchema).min(1, { error: 'is an empty list; write at least one purpose' })),
  /** A plain-English summary for residents, at most 400 characters. */
  summary: TextSchema.check((ctx) => {
    if (ctx.value.length > SUMMARY_MAX) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        params: { code: 'summary-too-long' },
        message: `is ${ctx.value.length} characters long; expected at most ${SUMMARY_MAX}, so it fits lists and search results; shorten it and move the detail to the narrative below the frontmatter`,
      });
    }
  }),
  /** Optional: who to contact. */
  contact: ContactSchema.nullish(),
  /** Optional: when the page was last checked for accuracy. Pages not reviewed within `review_every_months` are flagged. */
  reviewed: DateSchema.nullish(),
  /** Optional: when the status was last known to be true (a date of the facts, unlike `reviewed`). */
  status_as_at: DateSchema.nullish(),
  /** Optional: the documents this page is taken from; any file of the partnership may cite them. */
  sources: SourcesSchema.nullish(),
  /** Optional: where a document contradicts itself about the partnership. */
  discrepancies: DiscrepanciesSchema.nullish(),
});

/** A partnership as written. */
export type PartnershipInput = z.input<typeof PartnershipSchema>;
/** A partnership after validation. */
export type Partnership = z.output<typeof PartnershipSchema>;
