import type { Command } from '../main';

export const deadlineCommand: Command = async () => {
  process.stderr.write('recordflow deadline: not built yet\n');
  return 1;
};
