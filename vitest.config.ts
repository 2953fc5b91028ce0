import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // The end-to-end tests load the built renderer: rebuild it when its sources changed.
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
