import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ARTIFACTS = join(__dirname, '../artifacts');

/** Debian's Chromium, headless, with no calls out of the machine; each launch gets a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Saves a screenshot under test/artifacts/<folder>/<name>.png for a person to look at. */
export async function screenshot(page: Page, folder: string, name: string): Promise<void> {
  mkdirSync(join(ARTIFACTS, folder), { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, folder, `${name}.png`), fullPage: true });
}
