import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared.mjs';

const requireFromApi = createRequire(new URL('../../apps/api/package.json', import.meta.url));

/**
 * Service tests: the api's Nest application context (no HTTP) on a fresh database per file, testing
 * repositories, queries and services directly. Between the packages' unit tests and the e2e tests.
 */
export default defineProject({
  // SWC keeps the decorator metadata NestJS and TypeORM read; esbuild drops it.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    // One graphql for the app and the tests, the CommonJS build NestJS loads.
    alias: [
      ...Object.entries(workspaceAliases).map(([find, replacement]) => ({ find, replacement })),
      { find: /^graphql$/, replacement: requireFromApi.resolve('graphql') },
    ],
  },
  test: {
    name: 'service',
    include: ['**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
