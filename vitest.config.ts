import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Browser pages answer in well under a second on an idle machine, but CI shares two cores
    // with the build and other test files; a poll gives up only after 10 s.
    expect: { poll: { timeout: 10_000 } },
    // The end-to-end tests load the built renderer: rebuild it when its sources changed.
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
