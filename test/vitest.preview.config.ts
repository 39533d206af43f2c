import { defineConfig } from 'vitest/config';
import { ALONE } from './vitest.config.ts';

/** The tests that start the preview, on their own (see ALONE in ./vitest.config.ts); `npm test` runs them after the rest. */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ALONE,
    env: { REGISTER_TODAY: '2026-11-26' },
    testTimeout: 30_000,
  },
});
