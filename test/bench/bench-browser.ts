import type { Browser, Page } from 'playwright-core';
import { startLoopbackHost, type LoopbackHost } from '../../electron/host/loopback-host.ts';
import { allowOnlyOrigin, launchChromium, viewport } from '../e2e/browser-session.ts';

export interface BenchSession {
  readonly page: Page;
  readonly host: LoopbackHost;
  readonly browserVersion: string;
  /** Uncaught exceptions, CSP violations and failed requests in the page. */
  readonly pageErrors: string[];
  /** Closes the browser, then the host, even when closing the browser fails. */
  close(): Promise<void>;
}

/**
 * Serves the renderer built in `rendererDir` over the ledger at `dbPath` on 127.0.0.1 and
 * opens it in headless Chromium at 1280x800, launched as test/e2e/browser-session.ts does.
 * Unlike that session it takes the renderer's folder, because the benchmark measures a
 * production build of its own rather than whatever dist/renderer holds.
 */
export async function openBenchSession(dbPath: string, rendererDir: string): Promise<BenchSession> {
  const host = await startLoopbackHost({ dbPath, rendererDir });
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport });
    // The page may only talk to the loopback host.
    await allowOnlyOrigin(context, host.origin);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      const text = message.text();
      if (text.includes('Content Security Policy')) pageErrors.push(text);
    });
    page.on('requestfailed', (request) => {
      pageErrors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();

    const openedBrowser = browser;
    return {
      page,
      host,
      browserVersion: browser.version(),
      pageErrors,
      async close() {
        try {
          await openedBrowser.close();
        } finally {
          await host.close();
        }
      },
    };
  } catch (error) {
    try {
      await browser?.close();
    } finally {
      await host.close();
    }
    throw error;
  }
}
