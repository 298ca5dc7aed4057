import { defineConfig } from 'vitest/config';

// The same global setup as `pnpm test` (embedded PostgreSQL unless DATABASE_URL), one failing spec.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    globalSetup: ['../support/global-database.ts'],
    include: ['deliberately-failing.spec.ts'],
  },
});
