import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../vitest.shared.mjs';

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: { name: 'e2e', include: ['**/*.spec.ts'], exclude: ['bench/**', 'load/**', '**/node_modules/**'] },
});
