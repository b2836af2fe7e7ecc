import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './app.js';
import { findChromium } from './chromium.js';

/** The console as built by `pnpm --filter @customer360/admin build`, served by the test app. */
const adminDist = path.resolve(import.meta.dirname, '../../admin/dist');
/** Screenshots kept after the run (test-results/ is not committed). */
export const screenshotsDir = path.resolve(import.meta.dirname, '../../test-results/e2e');

const chromiumPath = findChromium();
const skipReason = !chromiumPath
  ? 'no Chromium found (install the `chromium` package or set CHROMIUM_PATH)'
  : !existsSync(path.join(adminDist, 'index.html'))
    ? 'the console is not built (npx -y pnpm@10 --filter @customer360/admin build)'
    : null;

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A describe block for tests that drive the console in Chromium. Without Chromium or the built
 * console it is one skipped test saying why, or, with E2E_REQUIRED=1 (CI), one failing test.
 */
export function describeInChromium(title: string, body: () => void): void {
  if (skipReason && process.env.E2E_REQUIRED === '1') {
    it(title, () => {
      throw new Error(`E2E_REQUIRED=1 but ${skipReason}`);
    });
  } else if (skipReason) {
    it.skip(`${title} — skipped: ${skipReason}`, () => {});
  } else {
    describe(title, body);
  }
}

export interface ConsoleBrowserOptions {
  /** Screenshots from `shoot(name)` are test-results/e2e/<screenshotPrefix>-<name>.png. */
  screenshotPrefix?: string;
  /** The browser context's settings: viewport, locale, touch… */
  context?: BrowserContextOptions;
  /**
   * true (the default): one context on a profile of its own for the whole file, its localStorage
   * kept from test to test. false: a browser whose contexts start empty, `freshContext()` opening
   * another one (another browser, as far as the console can tell).
   */
  persistentProfile?: boolean;
  /** Fixtures: runs once the app is up, before the browser starts. */
  setup?: (app: TestApp) => Promise<void>;
  /** Runs on every page the harness opens, after its own listeners, before any navigation. */
  onPage?: (page: Page) => void;
}

export interface ConsoleBrowser {
  readonly app: TestApp;
  readonly page: Page;
  readonly context: BrowserContext;
  /** Uncaught errors in the page so far; the harness expects none when the file ends. */
  readonly pageErrors: readonly string[];
  /** A full-page screenshot in test-results/e2e, checked to be more than a blank page. */
  shoot(name: string): Promise<void>;
  /**
   * Signs out (the stored session dropped) and in again as `email`, with the administrator's
   * password (the test files give their staff the same hash); answers where signing in landed.
   * Taps the button on a touch screen.
   */
  signIn(email?: string): Promise<string>;
  /** Closes the context and opens an empty one (only with `persistentProfile: false`). */
  freshContext(): Promise<void>;
}

/**
 * The test app serving the console, and Chromium on it: started in beforeAll, checked and closed
 * in afterAll. Call it inside `describeInChromium`; hooks the file registers after it run after
 * the harness's beforeAll (vitest runs "before" hooks in order, "after" hooks in reverse).
 */
export function useConsoleBrowser(options: ConsoleBrowserOptions = {}): ConsoleBrowser {
  const persistentProfile = options.persistentProfile ?? true;
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let profileDir: string | undefined;
  const pageErrors: string[] = [];

  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useConsoleBrowser: no ${name} before its beforeAll has run`);
    return value;
  };

  function watch(opened: Page): Page {
    // Fail an action with the locator's own message well before the test's timeout.
    opened.setDefaultTimeout(10_000);
    opened.on('pageerror', (error) => pageErrors.push(error.message));
    // E2E_SHOTS=<dir>: the browser's console errors here, and a screenshot of each failed test in <dir>.
    if (process.env.E2E_SHOTS) opened.on('console', (message) => message.type() === 'error' && console.error('[browser]', message.text().slice(0, 2000)));
    options.onPage?.(opened);
    return opened;
  }

  async function openContext(): Promise<void> {
    context = await started(browser, 'browser').newContext(options.context);
    page = watch(await context.newPage());
  }

  beforeAll(async () => {
    await mkdir(screenshotsDir, { recursive: true });
    app = await createTestApp({ adminDistDir: adminDist });
    await options.setup?.(app);
    if (persistentProfile) {
      profileDir = await mkdtemp(path.join(os.tmpdir(), 'customer360-chromium-'));
      context = await chromium.launchPersistentContext(profileDir, { executablePath: chromiumPath!, headless: true, args: chromiumArgs, ...options.context });
      browser = context.browser()!;
      page = watch(context.pages()[0] ?? (await context.newPage()));
    } else {
      browser = await chromium.launch({ executablePath: chromiumPath!, headless: true, args: chromiumArgs });
      await openContext();
    }
  });

  afterEach(async (test) => {
    if (process.env.E2E_SHOTS && test.task.result?.state === 'fail') {
      await page?.screenshot({ path: `${process.env.E2E_SHOTS}/${test.task.name.replace(/\W+/g, '_')}.png`, fullPage: true }).catch(() => {});
    }
  });

  afterAll(async () => {
    try {
      expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    } finally {
      await context?.close();
      await browser?.close().catch(() => {});
      if (profileDir) await rm(profileDir, { recursive: true, force: true });
      await app?.close();
    }
  });

  return {
    get app() {
      return started(app, 'app');
    },
    get page() {
      return started(page, 'page');
    },
    get context() {
      return started(context, 'context');
    },
    pageErrors,
    async shoot(name) {
      if (!options.screenshotPrefix) throw new Error('useConsoleBrowser: shoot() needs a screenshotPrefix');
      const file = path.join(screenshotsDir, `${options.screenshotPrefix}-${name}.png`);
      await started(page, 'page').screenshot({ path: file, fullPage: true });
      expect((await stat(file)).size).toBeGreaterThan(10_000);
    },
    async signIn(email = ADMIN_EMAIL) {
      const current = started(page, 'page');
      const { url } = started(app, 'app');
      await current.goto(`${url}/login`);
      await current.evaluate(`localStorage.removeItem('customer360.session')`);
      await current.goto(`${url}/login`);
      await current.getByLabel('Email').fill(email);
      await current.locator('input[name="password"]').fill(ADMIN_PASSWORD);
      const signInButton = current.getByRole('button', { name: /sign in/i });
      await (options.context?.hasTouch ? signInButton.tap() : signInButton.click());
      await current.waitForURL((landed) => !landed.pathname.startsWith('/login') && landed.pathname !== '/', { timeout: 15_000 });
      return new URL(current.url()).pathname;
    },
    async freshContext() {
      if (persistentProfile) throw new Error('useConsoleBrowser: freshContext() needs persistentProfile: false');
      await context?.close();
      await openContext();
    },
  };
}
