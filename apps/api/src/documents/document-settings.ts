import { ConfigError, loadConfig } from '../config/recordflow-config';

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface DocumentSettings {
  /** Files live in `<dataDir>/documents/` unless an object store is configured. */
  directory: string;
  /** Uploads stream to this folder (same disk as the store) before they are checked and stored. */
  uploadDirectory: string;
  s3: S3Settings | null;
  maxUploadBytes: number;
}

/** Where documents are kept and how large an upload may be, from the environment. */
export function loadDocumentSettings(env: NodeJS.ProcessEnv = process.env): DocumentSettings {
  const { dataDir } = loadConfig(env);
  const megabytes = Number(env.RECORDFLOW_MAX_UPLOAD_MB || 250);
  if (!Number.isFinite(megabytes) || megabytes <= 0) {
    throw new ConfigError(
      `RECORDFLOW_MAX_UPLOAD_MB must be a positive number, not "${env.RECORDFLOW_MAX_UPLOAD_MB}".`,
    );
  }
  let s3: S3Settings | null = null;
  if (env.RECORDFLOW_S3_URL) {
    if (!env.RECORDFLOW_S3_BUCKET)
      throw new ConfigError('RECORDFLOW_S3_URL is set: set RECORDFLOW_S3_BUCKET too.');
    s3 = {
      endpoint: env.RECORDFLOW_S3_URL,
      bucket: env.RECORDFLOW_S3_BUCKET,
      region: env.RECORDFLOW_S3_REGION || 'us-east-1',
      accessKeyId: env.RECORDFLOW_S3_ACCESS_KEY_ID || '',
      secretAccessKey: env.RECORDFLOW_S3_SECRET_ACCESS_KEY || '',
    };
  }
  return {
    directory: `${dataDir}/documents`,
    uploadDirectory: `${dataDir}/uploads`,
    s3,
    maxUploadBytes: Math.floor(megabytes * 1024 * 1024),
  };
}
