import { ensureRendererBuilt } from '../../electron/host/renderer-build.ts';
import { chromiumPath, hasChromium } from './browser-session.ts';

/**
 * Builds the renderer with vite's build() before the end-to-end tests when dist/renderer is
 * missing or older than the renderer's or shared/'s sources. It runs once, before any test
 * file, because test files running in parallel would otherwise build into the same folder.
 */
export default async function setup(): Promise<void> {
  // A developer without Chromium may skip the browser tests; CI must not pass without them.
  if (process.env.CI && !hasChromium) {
    throw new Error(
      `Chromium is missing at ${chromiumPath}, so the end-to-end tests cannot run. ` +
        'Install it with apt-get install -y chromium.',
    );
  }
  await ensureRendererBuilt();
}
