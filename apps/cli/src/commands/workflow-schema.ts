import { workflowJsonSchema } from '@recordflow/workflow';
import type { Command } from '../main';

/** Prints the JSON Schema of workflow definitions: pnpm --silent recordflow workflow-schema > workflows/schema.json */
export const workflowSchemaCommand: Command = async () => {
  process.stdout.write(`${JSON.stringify(workflowJsonSchema(), null, 2)}\n`);
  return 0;
};
