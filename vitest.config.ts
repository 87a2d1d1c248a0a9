import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Temporal core bridge is a native addon: keep it out of worker threads.
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-runtime.ts'],
    env: { LOG_LEVEL: 'warn' },
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
