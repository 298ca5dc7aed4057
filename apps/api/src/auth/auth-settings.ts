import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuthSettings } from './tokens.service';

const SECRET_KEY = 'auth.jwt-secret';

/** The token secret: RECORDFLOW_JWT_SECRET, else one generated on first start and kept in the database for every replica. */
export async function loadAuthSettings(
  dataSource: DataSource,
  env: NodeJS.ProcessEnv,
): Promise<AuthSettings> {
  const tokenSeconds = Number(env.RECORDFLOW_TOKEN_SECONDS || 8 * 60 * 60);
  if (env.RECORDFLOW_JWT_SECRET) return { secret: env.RECORDFLOW_JWT_SECRET, tokenSeconds };
  await dataSource.query(
    `INSERT INTO setting (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO NOTHING`,
    [SECRET_KEY, randomBytes(48).toString('base64url')],
  );
  const [row] = await dataSource.query(`SELECT value FROM setting WHERE key = $1`, [SECRET_KEY]);
  return { secret: row.value as string, tokenSeconds };
}
