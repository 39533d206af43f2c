import { defineConfig } from 'vitest/config';

/**
 * Tests that start the preview (`astro dev`) from the project folder, run on their own after
 * the rest (test/vitest.preview.config.ts): the preview's first page waits on Vite's
 * dependency cache in the project, which the builds of the other tests, running at the same
 * time, rewrite.
 */
export const ALONE = ['test/officer/preview-server.test.ts'];

// The config lives in test/ so the project's top level stays as the user asked.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...ALONE],
    // Pin "today" so review-overdue warnings do not change with the calendar.
    env: { REGISTER_TODAY: '2026-11-26' },
    testTimeout: 30_000,
  },
});
