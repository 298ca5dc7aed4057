import { readFile } from 'node:fs/promises';
import { type CaseBundle, verifyBundle } from '@recordflow/workflow';
import type { Command } from '../main';

const USAGE = `Usage:
  recordflow audit verify <bundle.json>   verify an exported case bundle offline (no database)
  recordflow audit verify-all             verify every case in the database; lists the failures
`;

const verify: Command = async ([file, ...rest]) => {
  if (!file || rest.length > 0) {
    process.stderr.write(`recordflow audit verify takes one bundle file.\n\n${USAGE}`);
    return 1;
  }
  let bundle: CaseBundle;
  try {
    bundle = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`${file}: cannot read it as JSON (${(error as Error).message}).\n`);
    return 1;
  }
  const result = verifyBundle(bundle);
  const what = `${bundle.case?.reference ?? 'case'}: ${result.eventsChecked} events and ${result.definitionsChecked} workflow versions checked`;
  if (result.ok) {
    process.stdout.write(
      `OK ${what}; the hash chain is intact and replaying the events gives the recorded state.\n`,
    );
    return 0;
  }
  const where = result.firstBadSequence === null ? '' : ` at event ${result.firstBadSequence}`;
  process.stdout.write(`FAILED ${what}. First problem${where}: ${result.reason}.\n`);
  return 1;
};

const verifyAll: Command = async (args) => {
  if (args.length > 0) {
    process.stderr.write(`recordflow audit verify-all takes no arguments.\n\n${USAGE}`);
    return 1;
  }
  const api = await import('@recordflow/api');
  const result = await api.verifyAllCases();
  for (const failure of result.failures) {
    process.stdout.write(
      `FAILED ${failure.reference} at event ${failure.firstBadSequence ?? '-'}: ${failure.reason}\n`,
    );
  }
  process.stdout.write(`${result.casesChecked} cases checked, ${result.failures.length} failed.\n`);
  return result.failures.length === 0 ? 0 : 1;
};

export const auditCommand: Command = async ([action, ...rest]) => {
  if (action === 'verify') return verify(rest);
  if (action === 'verify-all') return verifyAll(rest);
  process.stderr.write(action ? `Unknown action "${action}".\n\n${USAGE}` : USAGE);
  return 1;
};
