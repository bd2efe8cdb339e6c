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
    // MUTATION_RUN: property tests run fewer cases here (each mutant re-runs them); `npm test` keeps them whole.
    env: { LOG_LEVEL: 'silent', MUTATION_RUN: '1' },
    reporters: ['default', new URL('./load-failure-reporter.ts', import.meta.url).pathname],
  },
});
