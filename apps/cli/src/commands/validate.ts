import type { Command } from '../main';

export const validateCommand: Command = async () => {
  process.stderr.write('recordflow validate: not built yet\n');
  return 1;
};
