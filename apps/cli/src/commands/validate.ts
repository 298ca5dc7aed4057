import { readFile } from 'node:fs/promises';
import { parseWorkflowJson } from '@recordflow/workflow';
import type { Command } from '../main';

const USAGE =
  'Usage: recordflow validate <workflow.json>...\n\nPrints every problem; exits 1 when any file has an error.\n';

export const validateCommand: Command = async (files) => {
  if (files.length === 0 || files.includes('--help')) {
    process.stderr.write(USAGE);
    return files.length === 0 ? 1 : 0;
  }
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      process.stdout.write(
        `${file}: ERROR cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`,
      );
      failed = true;
      continue;
    }
    const result = parseWorkflowJson(text);
    for (const problem of result.errors)
      process.stdout.write(`${file}: ERROR ${problem.path}: ${problem.message}\n`);
    for (const problem of result.warnings)
      process.stdout.write(`${file}: WARNING ${problem.path}: ${problem.message}\n`);
    const summary = result.valid
      ? `valid${result.warnings.length ? ` (${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'})` : ''}`
      : `${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`;
    process.stdout.write(`${file}: ${summary}\n`);
    failed ||= !result.valid;
  }
  return failed ? 1 : 0;
};
