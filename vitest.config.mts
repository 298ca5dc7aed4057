import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One PostgreSQL for the whole run: embedded unless DATABASE_URL names a server.
    globalSetup: ['./test/support/global-database.ts'],
    projects: [
      'packages/*/vitest.config.mts',
      'apps/cli/vitest.config.mts',
      'apps/web/vitest.config.mts',
      'test/service/vitest.config.mts',
      'test/vitest.config.mts',
    ],
  },
});
