import type { Command } from '../main';

/** Brings the database schema up to date (the Kubernetes Job runs this once per release). */
export const migrateCommand: Command = async (args) => {
  if (args.length > 0) {
    process.stderr.write(
      'recordflow migrate takes no arguments; it migrates DATABASE_URL or the embedded database.\n',
    );
    return 1;
  }
  const api = await import('@recordflow/api');
  const applied = await api.migrateDatabase();
  process.stdout.write(
    applied.length === 0
      ? 'The database schema is up to date.\n'
      : `Applied ${applied.length} migrations: ${applied.join(', ')}\n`,
  );
  return 0;
};
