import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type CaseBundle, verifyBundle } from '@recordflow/workflow';
import type { Command } from '../main';

const USAGE = `Usage:
  recordflow audit verify <bundle.json>   verify an exported case bundle offline (no database)
  recordflow audit verify-all [--after <case id>] [--workers <n>]
                                          verify every case in the database, in case-id order, on
                                          every core (or n worker threads; 0 for none); lists the
                                          failures. Progress goes to stderr with the case id to
                                          resume --after if the run is stopped.
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROGRESS_EVERY_MS = 2000;

const verifyAll: Command = async (args) => {
  let options: { after?: string; workers?: string };
  try {
    options = parseArgs({
      args,
      options: { after: { type: 'string' }, workers: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (options.after !== undefined && !UUID.test(options.after)) {
    process.stderr.write(
      `--after takes a case id (a UUID), as a progress line names it; not "${options.after}".\n`,
    );
    return 1;
  }
  const workers = options.workers === undefined ? undefined : Number(options.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 256)) {
    process.stderr.write(`--workers takes a whole number from 0 to 256, not "${options.workers}".\n`);
    return 1;
  }
  const api = await import('@recordflow/api');
  const started = Date.now();
  let lastReport = started;
  let printed = 0;
  const result = await api.verifyAllCases({
    after: options.after,
    workers,
    onProgress: (progress, failures) => {
      // Failures as they are found, in case-id order; the summary lists them again by reference.
      for (const failure of failures.slice(printed)) {
        process.stderr.write(
          `FAILED ${failure.reference} (case ${failure.caseId}) at event ${failure.firstBadSequence ?? '-'}\n`,
        );
      }
      printed = failures.length;
      const now = Date.now();
      if (now - lastReport < PROGRESS_EVERY_MS) return;
      lastReport = now;
      const seconds = (now - started) / 1000;
      process.stderr.write(
        `${progress.casesChecked.toLocaleString('en-GB')} cases, ${progress.eventsChecked.toLocaleString('en-GB')} events checked (${Math.round(progress.eventsChecked / seconds).toLocaleString('en-GB')} events/s), ${progress.failed} failed; to resume: --after ${progress.lastCaseId}\n`,
      );
    },
  });
  for (const failure of result.failures) {
    process.stdout.write(
      `FAILED ${failure.reference} at event ${failure.firstBadSequence ?? '-'}: ${failure.reason}\n`,
    );
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${result.casesChecked} cases checked${options.after ? ` after ${options.after}` : ''} in ${seconds} s, ${result.failures.length} failed.\n`,
  );
  return result.failures.length === 0 ? 0 : 1;
};

export const auditCommand: Command = async ([action, ...rest]) => {
  if (action === 'verify') return verify(rest);
  if (action === 'verify-all') return verifyAll(rest);
  process.stderr.write(action ? `Unknown action "${action}".\n\n${USAGE}` : USAGE);
  return 1;
};
