/**
 * Where the content is and what day it is. Apart from Node's own modules it
 * imports nothing, so the checker can find the content before it loads the
 * pipeline (see src/model/threads.ts).
 */
import { resolve } from 'node:path';

/** Where content lives: `CONTENT_DIR`, or `./content`. */
export function contentDirectory(): string {
  return resolve(process.env.CONTENT_DIR ?? 'content');
}

/** Today as YYYY-MM-DD; `REGISTER_TODAY` pins it, so reviews fall due predictably in tests. */
export function today(): string {
  return process.env.REGISTER_TODAY ?? new Date().toISOString().slice(0, 10);
}
