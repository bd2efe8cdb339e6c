import { defineConfig } from 'vitest/config';

/**
 * The tests mutation testing runs against: the fast unit tests of the pure core only (no HTTP, no store),
 * so each mutant costs milliseconds. The whole suite stays `npm test`.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['src/core/**/*.test.ts'],
    testTimeout: 20_000,
    env: { LOG_LEVEL: 'silent' },
    reporters: ['default', new URL('./load-failure-reporter.ts', import.meta.url).pathname],
  },
});
