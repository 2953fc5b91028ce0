import { join } from 'node:path';
import { build } from 'esbuild';
import { checkPreloadBundle } from './preload-check.ts';

// Deliberately old targets: Electron 40 already ran Node 24.11 and Chromium 144 (its release
// notes), so Electron 45 runs everything these targets allow.
const nodeTarget = 'node22';
const chromeTarget = 'chrome140';

/**
 * Bundles the main process and the ledger worker from the repository at `root` into
 * `outDir` as main.mjs and ledger-worker.mjs, ES modules with source maps.
 */
export async function bundleMainAndWorker(root: string, outDir: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: {
      main: 'electron/main/main.ts',
      'ledger-worker': 'electron/ipc/ledger-worker.ts',
    },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: nodeTarget,
    sourcemap: true,
    // better-sqlite3 is a native addon, rebuilt for Electron when packaging. @napi-rs/canvas,
    // which draws the report charts, loads a prebuilt Node-API addon that works on any ABI.
    // electron is provided by the runtime.
    external: ['electron', 'better-sqlite3', '@napi-rs/canvas'],
    // Bundled CommonJS packages call require() for Node's modules, which an ES module lacks.
    banner: {
      js:
        "import { createRequire as __createRequire } from 'node:module';\n" +
        'const require = __createRequire(import.meta.url);',
    },
    logLevel: 'warning',
  });
}

/**
 * Bundles the preload into `outDir`/preload.cjs, one CommonJS file that requires nothing
 * but electron, and raises when it requires anything else. Returns the file's path.
 */
export async function bundlePreload(root: string, outDir: string): Promise<string> {
  const outfile = join(outDir, 'preload.cjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/preload/preload.ts'],
    outfile,
    bundle: true,
    // 'browser' makes any import of a Node module fail the build, as it would fail to load
    // in the sandboxed preload.
    platform: 'browser',
    format: 'cjs',
    target: chromeTarget,
    sourcemap: true,
    // Drops comments too, so that the check below reads only code.
    minifyWhitespace: true,
    external: ['electron'],
    logLevel: 'warning',
  });
  const problems = checkPreloadBundle(outfile);
  if (problems.length > 0) {
    throw new Error(`The preload bundle is not loadable in a sandbox:\n${problems.join('\n')}`);
  }
  return outfile;
}
