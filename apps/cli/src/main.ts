#!/usr/bin/env node
import { auditCommand } from './commands/audit';
import { deadlineCommand } from './commands/deadline';
import { migrateCommand } from './commands/migrate';
import { userCommand } from './commands/user';
import { validateCommand } from './commands/validate';
import { workflowSchemaCommand } from './commands/workflow-schema';

/** A command takes its arguments and returns the process exit code. */
export type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  audit: {
    run: auditCommand,
    summary: 'verify a case bundle offline, or every case (audit verify | verify-all)',
  },
  deadline: { run: deadlineCommand, summary: 'compute a statutory deadline and explain it' },
  validate: { run: validateCommand, summary: 'validate workflow definition files' },
  'workflow-schema': { run: workflowSchemaCommand, summary: 'print the JSON Schema of workflow definitions' },
  migrate: { run: migrateCommand, summary: 'bring the database schema up to date' },
  user: { run: userCommand, summary: 'add or list users (user add --email … --name … --role admin)' },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: recordflow <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 1;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
