import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashDefinition, validateWorkflow } from '@recordflow/workflow';
import type { DataSource } from 'typeorm';
import { restrictFromTheStart } from '../access/restricted-from-start';
import { repositoryRoot } from '../config/recordflow-config';
import { publishDefinition } from './workflows.service';

export const builtInWorkflowsDir = join(repositoryRoot, 'workflows');

/** What a start did with the built-in workflows shipped in workflows/*.json. */
export interface BuiltInWorkflowsLoad {
  /** Published for the first time, as version 1. */
  loaded: string[];
  /** Published again because this release changed them and no administrator had published a version of their own. */
  updated: string[];
  /** Changed in this release but left as they are, because an administrator published a version of their own. */
  customised: string[];
}

/**
 * Publishes each built-in workflow the database does not have yet, and the new definition of one this
 * release corrected while the published version is still the system's own; running cases keep their version.
 * Subject access requests start restricted (administrators only until they name the teams that handle them).
 */
export async function loadBuiltInWorkflows(
  dataSource: DataSource,
  dir = builtInWorkflowsDir,
): Promise<BuiltInWorkflowsLoad> {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'schema.json');
  const load: BuiltInWorkflowsLoad = { loaded: [], updated: [], customised: [] };
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
      const { id } = result.definition;
      const [published] = await manager.query(
        `SELECT published_by, definition_hash FROM workflow_version
          WHERE workflow_id = $1 AND status = 'published'`,
        [id],
      );
      const [present] = published
        ? [true]
        : await manager.query('SELECT 1 FROM workflow WHERE id = $1', [id]);
      if (!present) {
        await publishDefinition(manager, result.definition, null);
        await restrictFromTheStart(manager, result.definition, { id: null, label: 'built-in workflows' });
        load.loaded.push(id);
      } else if (published && published.definition_hash !== hashDefinition(result.definition)) {
        // An administrator's own version is theirs to keep: they hear of the new definition, nothing more.
        if (published.published_by !== null) {
          load.customised.push(id);
          continue;
        }
        await publishDefinition(manager, result.definition, null);
        load.updated.push(id);
      }
    }
  });
  return load;
}
