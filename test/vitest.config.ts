import { defineConfig } from 'vitest/config';

// The config lives in test/ so the project's top level stays as the user asked.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    // Pin "today" so review-overdue warnings do not change with the calendar.
    env: { REGISTER_TODAY: '2026-11-26' },
    testTimeout: 30_000,
  },
});
