import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateCommand } from './validate';

const workflows = join(__dirname, '../../../../workflows');
let out = '';
beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

describe('recordflow validate', () => {
  it('exits 0 for all five built-in workflows', async () => {
    const names = ['foi', 'eir', 'foisa', 'eisr', 'sar'];
    expect(await validateCommand(names.map((name) => join(workflows, `${name}.json`)))).toBe(0);
    expect(out).not.toContain('ERROR');
    for (const name of names) expect(out).toMatch(new RegExp(`${name}\\.json: valid`));
  });

  it('prints each problem and exits 1 on an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recordflow-validate-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({
        id: 'x',
        name: 'X',
        regime: 'foi',
        initialStage: 'nowhere',
        stages: [{ id: 'closed', label: 'Closed', kind: 'closed', final: true, position: { x: 0, y: 0 } }],
      }),
    );
    const malformed = join(dir, 'malformed.json');
    writeFileSync(malformed, '{ "id": ');
    expect(await validateCommand([broken, malformed, join(dir, 'missing.json')])).toBe(1);
    expect(out).toContain(
      `${broken}: ERROR initialStage: The initial stage "nowhere" does not exist. Stages: "closed".`,
    );
    expect(out).toMatch(/malformed\.json: ERROR \(root\): The file is not valid JSON/);
    expect(out).toContain(`${join(dir, 'missing.json')}: ERROR cannot read the file (ENOENT)`);
  });
});
