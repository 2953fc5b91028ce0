import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  defaultRendererDir,
  startLoopbackHost,
  type LoopbackHost,
} from '../../electron/host/loopback-host.ts';
import { rendererBuildIsStale } from '../../electron/host/renderer-build.ts';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

const screenshotDir = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

/** The window size the app is designed to be readable at. */
export const viewport = { width: 1280, height: 800 };

/**
 * Launches Debian's Chromium headless without the background services that would reach
 * for the network. Playwright hides scroll bars in headless mode; shown, they take their
 * width from the layout as in a desktop window, so checks that a table fits are not lenient.
 */
export function launchChromium(options: { showScrollbars?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    ...(options.showScrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
    args: [
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Aborts every request of `context` that is not for `origin`. */
export async function allowOnlyOrigin(context: BrowserContext, origin: string): Promise<void> {
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
}

export interface BrowserSession {
  readonly page: Page;
  readonly host: LoopbackHost;
  /** Uncaught exceptions and CSP violations in the page, which no test expects. */
  readonly pageErrors: string[];
  /** Every message the page logged at the error level, such as a failed resource load. */
  readonly consoleErrors: string[];
  /** Opens a route such as `#/aging`, as the navigation links do. */
  open(hash: string): Promise<void>;
  /** Reloads the page, as the browser's reload button does, and waits for the header. */
  reload(): Promise<void>;
  /** Saves the visible window as test-artifacts/screenshots/NAME.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves the built renderer over the ledger at `dbPath` on 127.0.0.1 and opens it in headless
 * Chromium, signed in through the token URL as a user would be.
 */
export async function openBrowserSession(
  dbPath: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<BrowserSession> {
  if (rendererBuildIsStale()) {
    throw new Error(
      'dist/renderer is missing or older than its sources: run npm run build:renderer, or ' +
        'run the tests with test/e2e/global-setup.ts as vitest globalSetup.',
    );
  }
  const host = await startLoopbackHost({ dbPath, rendererDir: defaultRendererDir });
  let browser: Browser | null = null;
  try {
    browser = await launchChromium({ showScrollbars: true });
    const context = await browser.newContext({ viewport, colorScheme });
    // The page may only talk to the loopback host; anything else is a bug to surface.
    await allowOnlyOrigin(context, host.origin);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error') consoleErrors.push(text);
      if (text.includes('Content Security Policy')) pageErrors.push(text);
    });
    let reloading = false;
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '';
      // A reload cancels the requests still open, such as the event stream, as it should.
      if (reloading && reason === 'net::ERR_ABORTED') return;
      pageErrors.push(`request failed: ${request.url()} ${reason}`);
    });
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();

    const openedBrowser = browser;
    return {
      page,
      host,
      pageErrors,
      consoleErrors,
      async open(hash) {
        // A hash change rather than a page load, so the as-of date and currency stay as set.
        await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
        await page.waitForFunction(`location.hash === ${JSON.stringify(hash)}`);
      },
      async reload() {
        reloading = true;
        try {
          await page.reload();
          await page.getByRole('navigation', { name: 'Sections' }).waitFor();
        } finally {
          reloading = false;
        }
      },
      async screenshot(name) {
        mkdirSync(screenshotDir, { recursive: true });
        await page.screenshot({ path: `${screenshotDir}${name}.png` });
      },
      async close() {
        await openedBrowser.close();
        await host.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await host.close();
    throw error;
  }
}
