import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../vitest.shared.mjs';

const requireFromApi = createRequire(new URL('../apps/api/package.json', import.meta.url));

export default defineProject({
  // SWC keeps the decorator metadata NestJS and TypeORM read; esbuild drops it.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    // One graphql for the app and the tests: NestJS loads its CommonJS build, so tests must too.
    alias: [
      ...Object.entries(workspaceAliases).map(([find, replacement]) => ({ find, replacement })),
      { find: /^graphql$/, replacement: requireFromApi.resolve('graphql') },
    ],
  },
  test: {
    name: 'e2e',
    include: ['**/*.spec.ts'],
    exclude: ['bench/**', 'load/**', 'service/**', 'ci/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The browser tests wait for what the page shows; on a loaded machine a re-render can take seconds.
    expect: { poll: { timeout: 20_000 } },
  },
});
