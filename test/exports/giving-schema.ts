/**
 * Checks a 360Giving package two ways: against the standard's own JSON Schema
 * (the reference copy beside the project, when present), and against the
 * required fields and types as the standard's documentation states them
 * (standard.threesixtygiving.org, "Grants" schema reference), which needs no files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { ROOT } from '../helpers/fixtures.ts';

/**
 * Where the reference schemas are kept outside the project: the design folder
 * beside the repository (`../shared`), wherever the repository is cloned.
 */
export const REFERENCE_DIR = join(ROOT, '..', 'shared', 'reference', '360giving');

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * A validator for the package schema, or undefined (with a loud message) when
 * the reference copy is not there. The package schema refers to the grant
 * schema by an address naming an older patch release than the grant schema's
 * own `$id`, so the grant schema is registered under both.
 */
export function referenceValidator(): ((data: unknown) => string[]) | undefined {
  const packagePath = join(REFERENCE_DIR, '360-giving-package-schema.json');
  const grantPath = join(REFERENCE_DIR, '360-giving-schema.json');
  if (!existsSync(packagePath) || !existsSync(grantPath)) {
    console.warn(`\n*** 360Giving reference schemas not found in ${REFERENCE_DIR}: skipping validation against the standard's JSON Schema. ***\n`);
    return undefined;
  }
  // The files name the 2020-12 meta-schema with http://; ajv knows it by its https:// address.
  const read = (path: string) => {
    const schema = JSON.parse(readFileSync(path, 'utf8'));
    return { ...schema, $schema: String(schema.$schema).replace(/^http:/, 'https:') };
  };
  const packageSchema = read(packagePath);
  const grantSchema = read(grantPath);
  // Formats are checked for real: awardDate is "date-time OR YYYY-MM-DD" (oneOf), which only works if date-time is.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  ajv.addFormat('date-time', (s: string) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)));
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]+$/i);
  ajv.addSchema(grantSchema);
  const referenced: string | undefined = packageSchema.properties?.grants?.items?.$ref;
  if (referenced && referenced !== grantSchema.$id) ajv.addSchema({ ...grantSchema, $id: referenced });
  const validate = ajv.compile(packageSchema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';

function expectOrganizations(value: unknown, field: string): void {
  expect(Array.isArray(value), `${field} is a list`).toBe(true);
  const list = value as Record<string, unknown>[];
  expect(list.length, `${field} has at least one organisation`).toBeGreaterThan(0);
  for (const org of list) {
    expect(isText(org.id), `${field} id is text`).toBe(true);
    expect(isText(org.name), `${field} name is text`).toBe(true);
  }
}

/**
 * The standard's required fields and their types, from its documentation:
 * id, title, description (text); currency (ISO 4217, here GBP); amountAwarded
 * (a number, no symbols); awardDate (YYYY-MM-DD or a full date-time);
 * fundingOrganization and recipientOrganization (lists of organisations with
 * id and name). Ids start with a 360G- prefix and are unique in the file;
 * classifications, when given, have a vocabulary and a code.
 */
export function expectGrantsFollowTheStandard(pkg: { grants: Record<string, unknown>[]; version?: unknown }): void {
  expect(Array.isArray(pkg.grants)).toBe(true);
  if (pkg.version !== undefined) expect(pkg.version).toMatch(/^\d+\.\d+$/);
  const ids = new Set<string>();
  for (const grant of pkg.grants) {
    for (const field of ['id', 'title', 'description']) expect(isText(grant[field]), `${field} is text`).toBe(true);
    const id = grant.id as string;
    expect(id).toMatch(/^360G-[A-Za-z0-9-]+-/);
    expect(ids.has(id), `grant id ${id} is unique`).toBe(false);
    ids.add(id);
    expect(Array.from(grant.title as string).length, 'title is under 140 characters').toBeLessThan(140);
    expect(grant.currency).toBe('GBP');
    expect(typeof grant.amountAwarded).toBe('number');
    expect(Number.isFinite(grant.amountAwarded)).toBe(true);
    expect(grant.awardDate).toMatch(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
    expectOrganizations(grant.fundingOrganization, 'fundingOrganization');
    expectOrganizations(grant.recipientOrganization, 'recipientOrganization');
    for (const c of (grant.classifications as Record<string, unknown>[] | undefined) ?? []) {
      expect(isText(c.vocabulary) && isText(c.code), 'a classification has a vocabulary and a code').toBe(true);
    }
    if (grant.dateModified !== undefined) expect(grant.dateModified).toMatch(RFC3339);
  }
}
