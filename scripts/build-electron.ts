/**
 * Builds the desktop app into dist/app/ without Electron's binary: the main process and the
 * ledger worker as ES modules, the preload as one CommonJS file, the icon, and then the
 * renderer into dist/renderer/ with `npm run build:renderer`.
 *
 * Usage: node bin/run-ts.js scripts/build-electron.ts [--skip-renderer]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleMainAndWorker, bundlePreload } from './electron-bundles.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'dist', 'app');

function copyIcon(): void {
  const icon = join(root, 'resources', 'icon.png');
  if (existsSync(icon)) copyFileSync(icon, join(outDir, 'icon.png'));
  else console.warn(`warning: ${icon} is missing, so the Linux window has no icon.`);
}

function buildRenderer(): void {
  // npm is a .cmd script on Windows, which Node starts only through a shell.
  const result = spawnSync('npm', ['run', 'build:renderer'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`npm run build:renderer exited with ${result.status}.`);
}

async function main(): Promise<void> {
  const skipRenderer = process.argv.includes('--skip-renderer');
  // Emptied first so that no file of an earlier build is packaged.
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await bundleMainAndWorker(root, outDir);
  const preload = await bundlePreload(root, outDir);
  copyIcon();
  console.log(`Built ${outDir}: main.mjs, ledger-worker.mjs, ${preload}.`);
  if (skipRenderer) console.log('Skipped the renderer (--skip-renderer).');
  else buildRenderer();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
