import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@recordflow/workflow';
import type { DataSource } from 'typeorm';
import { restrictFromTheStart } from '../access/restricted-from-start';
import { repositoryRoot } from '../config/recordflow-config';
import { publishDefinition } from './workflows.service';

export const builtInWorkflowsDir = join(repositoryRoot, 'workflows');

/**
 * Publishes each built-in workflow (workflows/*.json) that the database does not have yet, as its version 1;
 * subject access requests start restricted (administrators only until they name the teams that handle them).
 */
export async function loadBuiltInWorkflows(
  dataSource: DataSource,
  dir = builtInWorkflowsDir,
): Promise<string[]> {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'schema.json');
  const loaded: string[] = [];
  await dataSource.transaction(async (manager) => {
    // One replica loads; the others wait here and then find the workflows present.
    await manager.query('SELECT pg_advisory_xact_lock(7357002)');
    for (const file of files.sort()) {
      const result = validateWorkflow(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!result.valid || !result.definition) {
        throw new Error(
          `The built-in workflow ${file} is invalid: ${result.errors.map((e) => e.message).join(' ')}`,
        );
      }
      const [present] = await manager.query('SELECT 1 FROM workflow WHERE id = $1', [result.definition.id]);
      if (present) continue;
      await publishDefinition(manager, result.definition, null);
      await restrictFromTheStart(manager, result.definition, { id: null, label: 'built-in workflows' });
      loaded.push(result.definition.id);
    }
  });
  return loaded;
}
