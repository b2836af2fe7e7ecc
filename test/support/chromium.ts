import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The Chromium to drive: CHROMIUM_PATH, or the first of the usual names on PATH. */
export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH?.trim();
  if (configured) return existsSync(configured) ? configured : null;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found) return found;
    } catch {
      // not on PATH: try the next name
    }
  }
  return null;
}
