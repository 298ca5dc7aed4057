import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../support/databases';

const cli = join(__dirname, '../../apps/cli/dist/main.js');

function recordflow(args: string[], env: Record<string, string>, input = '') {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

describe('recordflow user', () => {
  let database: ScratchDatabase;
  beforeAll(async () => {
    database = await createScratchDatabase('cli_user');
  });
  afterAll(() => database?.drop());

  it('adds the first administrator with the password from standard input, and lists users', async () => {
    const env = { DATABASE_URL: database.url };
    const added = await recordflow(
      [
        'user',
        'add',
        '--email',
        'Head.Of.IG@Council.gov.uk',
        '--name',
        'Head of Information Governance',
        '--role',
        'admin',
      ],
      env,
      'a long passphrase\n',
    );
    expect(added).toMatchObject({
      code: 0,
      stdout: 'Added head.of.ig@council.gov.uk (Head of Information Governance) with the role admin.\n',
    });
    const listed = await recordflow(['user', 'list'], env);
    expect(listed.stdout).toBe('head.of.ig@council.gov.uk\tHead of Information Governance\tadmin\n');
  });

  it('refuses bad details with every problem, and a taken e-mail', async () => {
    const env = { DATABASE_URL: database.url };
    const bad = await recordflow(['user', 'add', '--email', 'nope', '--name', 'X', '--role', 'wizard'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      '"nope" is not an e-mail address.\nUnknown role wizard: the roles are admin, auditor, contributor, officer.\n',
    );
    const taken = await recordflow(
      ['user', 'add', '--email', 'head.of.ig@council.gov.uk', '--name', 'Y', '--role', 'officer'],
      env,
      'another passphrase\n',
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('A user with the e-mail head.of.ig@council.gov.uk already exists.');
  });
});
