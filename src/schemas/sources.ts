/**
 * What the register asserts rests on documents: the sources a file is taken
 * from, citations saying where in them a fact is, and discrepancies a
 * document has with itself. See "What the register asserts" in the contract.
 */
import { z } from 'zod';
import { ID_PATTERN } from './ids.ts';
import { DateSchema, TextSchema } from './values.ts';

/** A document a file is taken from. A decision's `report` is a source too, with the id `report`. */
export const SourceSchema = z.strictObject({
  /** The id other keys cite it by (`way-forward`), unique in the file. */
  id: z.string({ error: 'must be an id, such as way-forward' }).regex(ID_PATTERN, { error: 'must be an id: lower-case letters and digits joined by single hyphens, such as way-forward' }),
  /** The document's title (`Chorley Partnership – a way forward`). */
  title: TextSchema,
  /** Optional: who published it (`Chorley Borough Council`). */
  publisher: TextSchema.nullish(),
  /** Optional: its date, as precise as the document gives it. */
  date: DateSchema.nullish(),
  /** Optional: who wrote it (a post, such as `Head of Corporate and Policy Services`). */
  author: TextSchema.nullish(),
  /** Optional: the document's own reference. */
  reference: z.string({ error: 'must be text' }).nullish(),
  /** Optional: where to read it: a full web address starting with https:// (or http://). */
  url: z.url({ protocol: /^https?$/, error: 'must be a full web address starting with https:// (or http://), such as https://democracy.example.org/report.pdf' }).nullish(),
});

/** The sources a file lists. */
export const SourcesSchema = z.array(SourceSchema, { error: 'must be a list of sources, each starting with "- id:"' });

/** One citation: the source's id, and where in it (`para 26`, `Appendix A`), when given. */
export interface Citation {
  source: string;
  where?: string;
}

const CITATION_FORM = 'expected `<source-id>` or `<source-id>, <where>`, such as "way-forward, para 26"';

/** `way-forward` or `way-forward, para 26`: the source's id, then after a comma where in it. */
const CitationTextSchema = z.string({ error: `must be text; ${CITATION_FORM}` }).transform((raw, ctx): Citation => {
  const comma = raw.indexOf(',');
  const source = (comma === -1 ? raw : raw.slice(0, comma)).trim();
  const where = comma === -1 ? '' : raw.slice(comma + 1).trim();
  if (!ID_PATTERN.test(source)) {
    ctx.issues.push({ code: 'custom', input: raw, params: { code: 'invalid-citation' }, message: `is "${raw}", which does not start with a source's id; ${CITATION_FORM}; start it with the id of a source listed in \`sources\`` });
    return z.NEVER;
  }
  return where ? { source, where } : { source };
});

/**
 * Where a fact comes from: one citation, or a list of them. Held as a list.
 * (One citation is read as a list of one, so a bad one is reported at its own
 * value with what to write, not as "not a list".)
 */
export const CiteSchema = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(CitationTextSchema, { error: `must be a citation or a list of citations; ${CITATION_FORM}` }),
);

/** A place where a document contradicts itself in a way the checker cannot compute. */
export const DiscrepancySchema = z.strictObject({
  /** What the document says, both ways (`The report's text says the Executive has 18 members; its table lists 20.`). */
  text: TextSchema,
  /** Optional: where the document says it. */
  cite: CiteSchema.nullish(),
});

/** The discrepancies recorded on a file, body or funding table. */
export const DiscrepanciesSchema = z.array(DiscrepancySchema, { error: 'must be a list, each item starting with "- text:"' });

/** A source as validated. */
export type Source = z.output<typeof SourceSchema>;
/** A discrepancy as validated. */
export type Discrepancy = z.output<typeof DiscrepancySchema>;
