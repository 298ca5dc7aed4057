#!/usr/bin/env node
// Streams one large upload (default 200 MB) to a separately started api process and samples that
// process's resident memory (RSS) from /proc while it receives, hashes and stores the file: the
// body must never be held in memory, so the peak should stay near the idle figure.
//   node test/load/upload-memory.mjs [--mb 200]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { api, benchDatabase, freePort } from '../bench/support.mjs';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '200' } } });
const MEGABYTES = Number(values.mb);
const MAIN = fileURLToPath(new URL('../../apps/api/dist/main.js', import.meta.url));
const PASSWORD = 'upload memory password';

const database = await benchDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'recordflow-upload-memory-'));
const secret = 'upload-memory-test-secret';
process.env.RECORDFLOW_JWT_SECRET = secret;
process.env.RECORDFLOW_DATA_DIR = dataDir;
const { app, dataSource } = await api.createApp({
  databaseUrl: database.url,
  database: api.DatabaseMode.SERVER,
  demo: false,
  timerIntervalMs: 0,
});
await api.createUser(dataSource.manager, {
  email: 'officer@upload.example.org',
  name: 'Upload Officer',
  password: PASSWORD,
  roles: ['officer'],
});
await app.close();

const port = await freePort();
const child = spawn(process.execPath, [MAIN], {
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(port),
    RECORDFLOW_DEMO: 'false',
    RECORDFLOW_DATA_DIR: dataDir,
    RECORDFLOW_MAX_UPLOAD_MB: String(MEGABYTES + 10),
    LOG_LEVEL: 'warn',
  },
  stdio: 'inherit',
});
const url = `http://127.0.0.1:${port}`;
const rssMb = () => {
  const line = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : Number.NaN;
};

try {
  for (let i = 0; ; i++) {
    if ((await fetch(`${url}/health`).catch(() => null))?.ok) break;
    if (i > 600) throw new Error('the api did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const graphql = async (query, variables, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const { login } = await graphql(
    'mutation($p: String!) { login(email: "officer@upload.example.org", password: $p) { token } }',
    { p: PASSWORD },
  );
  const { createCase } = await graphql(
    `mutation { createCase(input: { workflowId: "foi", receivedOn: "2026-01-14", channel: "email",
      subject: "Large file", requestText: "A large upload",
      requester: { name: "Upload Requester", email: "upload.requester@example.net" } }) { id } }`,
    undefined,
    login.token,
  );
  // Warm up the upload path, then take the idle figure.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = rssMb();

  const samples = [];
  const sampler = setInterval(() => samples.push(rssMb()), 50);
  const boundary = `----recordflow${Date.now()}`;
  const hash = createHash('sha256');
  const started = performance.now();
  const answer = await new Promise((resolve, reject) => {
    const upload = request(
      `${url}/api/cases/${createCase.id}/documents`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${login.token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode, body: JSON.parse(body) }));
      },
    );
    upload.on('error', reject);
    upload.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="large.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const next = () => {
      while (sent < MEGABYTES) {
        const part = sent === 0 ? Buffer.concat([Buffer.from('%PDF-1.7\n'), chunk.subarray(9)]) : chunk;
        hash.update(part);
        sent++;
        if (!upload.write(part)) return upload.once('drain', next);
      }
      upload.end(`\r\n--${boundary}--\r\n`);
    };
    next();
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const peak = Math.max(...samples);
  const expected = hash.digest('hex');
  if (answer.status !== 201 || answer.body.sha256 !== expected) {
    throw new Error(`upload failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  console.log(
    `${MEGABYTES} MB upload: stored in ${seconds.toFixed(1)} s (${(MEGABYTES / seconds).toFixed(0)} MB/s), SHA-256 matches.`,
  );
  console.log(
    `api RSS: ${idle.toFixed(0)} MB idle, ${peak.toFixed(0)} MB peak during the upload (+${(peak - idle).toFixed(0)} MB), ${samples.length} samples.`,
  );
  if (peak - idle > MEGABYTES / 2) {
    console.error('The api held a large part of the upload in memory.');
    process.exitCode = 1;
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
