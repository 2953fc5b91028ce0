import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRendererDir } from './loopback-host.ts';

const sourceDir = fileURLToPath(new URL('../../renderer', import.meta.url));
const sharedDir = fileURLToPath(new URL('../../shared', import.meta.url));

function newestChange(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Tells whether the built renderer is missing or older than its sources. */
export function rendererBuildIsStale(): boolean {
  const index = join(defaultRendererDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return newestChange(sourceDir) > built || newestChange(sharedDir) > built;
}

/**
 * Builds the renderer with vite when its build is missing or stale. Vite is a development
 * dependency: this runs from a clone of the repository, not in the packaged app.
 */
export async function ensureRendererBuilt(): Promise<void> {
  if (!rendererBuildIsStale()) return;
  const { build } = await import('vite');
  // Vite bundles React's development build unless NODE_ENV is production, and vitest sets it to
  // "test"; that build is a third larger and renders tables far slower.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(sourceDir, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
