import { ensureRendererBuilt } from '../../electron/host/renderer-build.ts';

/**
 * Builds the renderer with vite's build() before the end-to-end tests when dist/renderer is
 * missing or older than the renderer's or shared/'s sources. It runs once, before any test
 * file, because test files running in parallel would otherwise build into the same folder.
 */
export default async function setup(): Promise<void> {
  await ensureRendererBuilt();
}
