import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Command } from '../main';

const USAGE = `Usage:
  recordflow user add --email <e-mail> --name <name> --role <admin|officer|auditor|a defined role> [--role …]
  recordflow user list

The password is asked for at the terminal, or read from standard input when it is piped.
The database is DATABASE_URL's, else the embedded one (a running Recordflow's, or started for the task).
`;

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const terminal = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  process.stderr.write('Password (at least 8 characters): ');
  // Keep the typed password off the screen.
  const output = terminal as unknown as { _writeToOutput: (text: string) => void };
  output._writeToOutput = () => {};
  const password = await new Promise<string>((resolve) => terminal.question('', resolve));
  terminal.close();
  process.stderr.write('\n');
  return password;
}

const add: Command = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
    },
    strict: true,
  });
  if (!values.email || !values.name || !values.role?.length) {
    process.stderr.write(`recordflow user add needs --email, --name and at least one --role.\n\n${USAGE}`);
    return 1;
  }
  const api = await import('@recordflow/api');
  const roles = values.role;
  const draft = { email: values.email, name: values.name, roles, password: 'x'.repeat(8) };
  const problems = [
    ...api.userProblems(draft),
    ...(await api.withDatabase((dataSource) => api.roleProblems(dataSource.manager, roles))),
  ];
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n`);
    return 1;
  }
  const password = await readPassword();
  const user = await api.withDatabase((dataSource) =>
    api.createUser(dataSource.manager, { ...draft, password }),
  );
  process.stdout.write(
    `Added ${user.email} (${user.name}) with the role${roles.length > 1 ? 's' : ''} ${roles.join(', ')}.\n`,
  );
  return 0;
};

const list: Command = async () => {
  const api = await import('@recordflow/api');
  const users = await api.withDatabase((dataSource) =>
    dataSource.query<{ email: string; name: string; roles: string[]; disabled: boolean }[]>(
      'SELECT email, name, roles, disabled FROM "user" ORDER BY email',
    ),
  );
  if (users.length === 0) process.stdout.write('No users yet.\n');
  for (const user of users) {
    process.stdout.write(
      `${user.email}\t${user.name}\t${user.roles.join(',')}${user.disabled ? '\tdisabled' : ''}\n`,
    );
  }
  return 0;
};

export const userCommand: Command = async (args) => {
  const [action, ...rest] = args;
  if (action === 'add') return add(rest);
  if (action === 'list') return list(rest);
  process.stderr.write(action ? `Unknown action "${action}".\n\n${USAGE}` : USAGE);
  return 1;
};
