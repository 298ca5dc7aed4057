import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared.mjs';

// The editor's pure modules (edits, diff, layout, selection, store): no browser, no server.
export default defineProject({
  resolve: { alias: workspaceAliases },
  test: { name: 'web', include: ['src/**/*.spec.ts'] },
});
