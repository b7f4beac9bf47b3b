// Headless Chromium for the e2e tests and the UI bench: Debian's Chromium through playwright-core, never a download.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The system Chromium (`CHROMIUM_PATH` overrides it); `npx playwright install` is never used. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Exactly these switches: no GPU, no network chatter, no first-run UI. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const VIEWPORT = { width: 1280, height: 720 } as const;

/**
 * Headless Chromium with a fresh profile in a temp dir (named `<profilePrefix>…`); the returned close closes the
 * browser and deletes the profile, even when closing the browser fails.
 */
export async function launchChromium(
  opts: { colorScheme?: 'light' | 'dark'; profilePrefix?: string } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), opts.profilePrefix ?? 'pg-chromium-'));
  let context: BrowserContext;
  try {
    // launchPersistentContext passes --user-data-dir itself (Playwright refuses it in `args`).
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { ...VIEWPORT },
      colorScheme: opts.colorScheme ?? 'light',
    });
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    context,
    close: async () => {
      try {
        await context.close();
      } finally {
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}
