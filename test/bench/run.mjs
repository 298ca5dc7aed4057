// Runs every benchmark in this folder (or those named on the command line) one after another.
// Each *.bench.mjs exports a default async function that prints its figures beside its baseline.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
  .sort();

if (files.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ') || '*.bench.mjs'} in ${here}`);
  process.exit(1);
}
for (const name of files) {
  console.log(`\n# ${name.replace('.bench.mjs', '')}`);
  const { default: run } = await import(pathToFileURL(join(here, name)).href);
  await run();
}
