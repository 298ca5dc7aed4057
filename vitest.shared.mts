import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Workspace packages resolve to their TypeScript source in tests, so no build is needed first. */
export const workspaceAliases = {
  '@recordflow/calendar': here('./packages/calendar/src/index.ts'),
  '@recordflow/workflow': here('./packages/workflow/src/index.ts'),
};
