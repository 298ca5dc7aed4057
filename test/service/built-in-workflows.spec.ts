import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../apps/api/src/database/database';
import { builtInWorkflowsDir, loadBuiltInWorkflows } from '../../apps/api/src/workflows/built-in-workflows';
import { publishDefinition } from '../../apps/api/src/workflows/workflows.service';
import { createScratchDatabase } from '../support/databases';

/** A copy of the shipped workflows with the FOI workflow's name changed, as a later release might correct it. */
function release(foiName: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rf-workflows-'));
  cpSync(builtInWorkflowsDir, dir, { recursive: true });
  const foi = JSON.parse(readFileSync(join(dir, 'foi.json'), 'utf8'));
  writeFileSync(join(dir, 'foi.json'), JSON.stringify({ ...foi, name: foiName }));
  return dir;
}

describe('built-in workflows on an upgrade', () => {
  let dataSource: DataSource;
  const dirs: string[] = [];
  beforeAll(async () => {
    ({ dataSource } = await openDatabase((await createScratchDatabase('built_in_upgrade')).url));
  });
  afterAll(async () => {
    await dataSource?.destroy();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const versions = async (id: string) =>
    dataSource.query(
      `SELECT version, status, definition->>'name' AS name, published_by FROM workflow_version
        WHERE workflow_id = $1 ORDER BY version`,
      [id],
    );

  it("publishes each once, then a corrected one again while it is still the system's own", async () => {
    const first = await loadBuiltInWorkflows(dataSource);
    expect(first.loaded.sort()).toEqual(['eir', 'eisr', 'foi', 'foisa', 'sar']);
    expect(await loadBuiltInWorkflows(dataSource)).toEqual({ loaded: [], updated: [], customised: [] });

    const corrected = release('Freedom of Information (corrected)');
    dirs.push(corrected);
    expect(await loadBuiltInWorkflows(dataSource, corrected)).toEqual({
      loaded: [],
      updated: ['foi'],
      customised: [],
    });
    expect(await versions('foi')).toMatchObject([
      { version: 1, status: 'archived', published_by: null },
      { version: 2, status: 'published', name: 'Freedom of Information (corrected)', published_by: null },
    ]);
    // The other workflows did not change, so they keep their one version.
    expect(await versions('eir')).toHaveLength(1);
  });

  it("leaves an administrator's own version as it is, and says the release changed it", async () => {
    const [admin] = await dataSource.query(
      `INSERT INTO "user" (email, name, password_hash, roles) VALUES ('admin@upgrade.example.org', 'Admin', 'x', '{admin}') RETURNING id`,
    );
    const [current] = await dataSource.query(
      `SELECT definition FROM workflow_version WHERE workflow_id = 'foi' AND status = 'published'`,
    );
    await dataSource.transaction((manager) =>
      publishDefinition(manager, { ...current.definition, name: 'Our FOI' }, admin.id),
    );
    const later = release('Freedom of Information (corrected again)');
    dirs.push(later);
    expect(await loadBuiltInWorkflows(dataSource, later)).toEqual({
      loaded: [],
      updated: [],
      customised: ['foi'],
    });
    const foi = await versions('foi');
    expect(foi.at(-1)).toMatchObject({ version: 3, status: 'published', name: 'Our FOI' });
  });
});
