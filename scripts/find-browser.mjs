// Finds a Chromium for Playwright: an env var first, then Playwright's own download, then the system one.
import { existsSync } from 'node:fs';

/** Where each candidate came from, for messages. */
export function browserCandidates() {
  const candidates = [];
  for (const name of ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH']) {
    if (process.env[name]) candidates.push({ source: `$${name}`, path: process.env[name] });
  }
  return candidates;
}

/** Path of a usable Chromium, or undefined when none is found. */
export async function findChromium() {
  for (const { path } of browserCandidates()) if (existsSync(path)) return path;
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here; fall through to the system one.
  }
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(path)) return path;
  }
  return undefined;
}

/**
 * Launch flags for Chromium here: no sandbox (tests run as root), no GPU, and none of the
 * background connections a closed network would refuse.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
