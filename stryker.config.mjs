// Mutation testing of the pure core: `npm run test:mutation`. See the README's tests section.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'mutation/vitest.config.ts' },
  mutate: ['src/core/**/*.ts', '!src/core/**/*.test.ts'],
  mutator: { excludedMutations: ['StringLiteral'] },
  concurrency: 2,
  incremental: true,
  incrementalFile: 'mutation/stryker-incremental.json',
  reporters: ['progress', 'clear-text', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
