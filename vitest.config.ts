import { defineConfig } from 'vitest/config';

const env = { NO_PROXY: '127.0.0.1,localhost', LOG_LEVEL: 'silent' };

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    env,
    projects: [
      {
        extends: true,
        test: { name: 'coachloop', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      {
        // The shared chat scenarios once more in the pseudo-locale: accented English, 40 % longer, so that a
        // platform limit or a cut label shows before a real translation finds it.
        extends: true,
        test: {
          name: 'pseudo-locale',
          include: ['test/scenarios/*.test.ts'],
          env: { ...env, SCENARIO_LOCALE: 'en-XA' },
        },
      },
      {
        // The end-to-end suites and the shared chat scenarios once more on PostgreSQL (the local server, see
        // test/support/test-store.ts): every harness in a schema of its own, dropped when it closes.
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/e2e/**/*.test.ts', 'test/scenarios/*.test.ts'],
          env: { ...env, TEST_STORE: 'postgres' },
        },
      },
    ],
  },
});
