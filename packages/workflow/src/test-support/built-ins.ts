import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowDefinition } from '../schema';
import { validateWorkflow } from '../validate';

export const WORKFLOWS_DIR = join(__dirname, '../../../../workflows');
export const BUILT_INS = ['foi', 'eir', 'foisa', 'sar', 'eisr'] as const;

export function rawWorkflow(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(WORKFLOWS_DIR, `${name}.json`), 'utf8'));
}

/** A built-in definition, parsed and validated (defaults filled in). */
export function builtIn(name: (typeof BUILT_INS)[number]): WorkflowDefinition {
  const result = validateWorkflow(rawWorkflow(name));
  if (!result.definition || !result.valid)
    throw new Error(`${name}.json is invalid: ${JSON.stringify(result.errors)}`);
  return result.definition;
}
