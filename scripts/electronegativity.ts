/**
 * Runs electronegativity 1.10.3 on the sources of electron/ and renderer/,
 * with no network access, prints every finding and exits 1 on any HIGH one (the tool itself
 * exits 0 whatever it finds).
 *
 * Usage: node bin/run-ts.js scripts/electronegativity.ts
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import {
  formatFinding,
  isBlocking,
  parseFindings,
  type Finding,
} from './electronegativity-report.ts';

const root = resolve(import.meta.dirname, '..');
const electronVersion = '45.6.1';
const cli = createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js');
const noNetworkHook = join(root, 'scripts', 'no-network.cjs');

function scan(input: string, outputCsv: string): Finding[] {
  const result = spawnSync(
    process.execPath,
    [
      '--require',
      noNetworkHook,
      cli,
      '--input',
      input,
      '--output',
      outputCsv,
      '--exclude-checks',
      'AvailableSecurityFixesGlobalCheck',
      '--electron-version',
      electronVersion,
      '--relative',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`;
    throw new Error(`electronegativity failed on ${input}:\n${output}${knownCause(output)}`);
  }
  if (!existsSync(outputCsv)) {
    throw new Error(`electronegativity wrote no report for ${input}:\n${result.stdout}`);
  }
  return parseFindings(readFileSync(outputCsv, 'utf8'));
}

/**
 * Explains a known start-up crash: electronegativity 1.10.3 requires 'commander' without
 * declaring it, so it loads whichever copy npm hoisted. Its CLI calls the module itself as
 * the program, which commander 12 dropped, and reads options as properties of the program,
 * which commander 7 stopped doing by default.
 */
function knownCause(output: string): string {
  if (!output.includes('version is not a function')) return '';
  // commander 14 does not export its package.json, so it is read from its folder.
  const commanderFolder = dirname(createRequire(cli).resolve('commander'));
  const { version } = JSON.parse(readFileSync(join(commanderFolder, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return (
    `\nCause: electronegativity loaded commander ${version ?? '(unknown version)'}, ` +
    'but its CLI needs commander 6 or older at the top of node_modules.'
  );
}

function main(): number {
  const workDir = mkdtempSync(join(tmpdir(), 'duedesk-electronegativity-'));
  try {
    // The TypeScript sources are scanned, not the esbuild bundles in dist/app/: on those the
    // tool's global checks report navigation limits and the permission handler as missing
    // although the bundle contains the same calls (its patterns do not match esbuild's
    // output). Main process and renderer go in one scan because the global checks look for
    // the guards across all the files they are given.
    const sources = join(workDir, 'sources');
    for (const folder of ['electron', 'renderer']) {
      cpSync(join(root, folder), join(sources, folder), { recursive: true });
    }
    const targets = [{ label: 'electron/ and renderer/', input: sources }];

    let blocking = 0;
    for (const [index, target] of targets.entries()) {
      const findings = scan(target.input, join(workDir, `report-${index}.csv`));
      console.log(`\n${target.label}: ${findings.length} findings`);
      for (const finding of findings) {
        console.log(`  ${isBlocking(finding) ? '!' : ' '} ${formatFinding(finding)}`);
        if (isBlocking(finding)) blocking += 1;
      }
    }
    console.log(`\n${blocking} HIGH findings.`);
    return blocking > 0 ? 1 : 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
