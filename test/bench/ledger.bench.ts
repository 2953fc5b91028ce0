/**
 * `npm run bench`: imports, ages, measures and exports a ledger of a million invoices and
 * prints each figure against a baseline measured in the same run on the same machine.
 * Set BENCH_ROWS for a smaller or larger run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const folder = mkdtempSync(join(tmpdir(), 'duedesk-bench-'));
const csv = join(folder, 'invoices.csv');
const importedDb = join(folder, 'imported.sqlite');
const rawDb = join(folder, 'raw.sqlite');

interface PhaseResult {
  seconds: number;
  rows?: number;
  peakRssMb: number;
  total?: number;
  open?: number;
  dso?: number;
  cei?: number;
}

function phase(...args: string[]): PhaseResult {
  const output = execFileSync(
    process.execPath,
    ['bin/run-ts.js', 'test/bench/bench-phase.ts', ...args],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(output.trim().split('\n').at(-1) as string) as PhaseResult;
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);
try {
  console.log(`Duedesk benchmark: ${rows.toLocaleString('en-US')} invoices, each with its payment`);
  phase('write-file', csv, String(rows));
  console.log(`CSV file: ${fixed(statSync(csv).size / 2 ** 20, 1)} MiB`);

  const raw = phase('raw-insert', rawDb, String(rows));
  const imported = phase('import', importedDb, csv);
  const rawRate = rows / raw.seconds;
  const importRate = rows / imported.seconds;
  console.log(
    `import: ${fixed(importRate, 0)} rows/s; raw prepared insert ${fixed(rawRate, 0)} rows/s; ` +
      `ratio ${fixed(importRate / rawRate)} (goal >= 0.6)`,
  );
  console.log(`import peak RSS: ${fixed(imported.peakRssMb, 0)} MB (goal < 400 MB)`);

  const asOf = '2025-06-30';
  const hand = phase('hand-aging', importedDb, asOf);
  const aging = phase('aging', importedDb, asOf);
  if (hand.total !== aging.total) {
    throw new Error(`aging total ${aging.total} differs from the SQL aggregate's ${hand.total}`);
  }
  console.log(
    `aging as of ${asOf}: ${fixed(aging.seconds, 3)} s for ${aging.open} open invoices; ` +
      `hand-written SQL ${fixed(hand.seconds, 3)} s; ` +
      `ratio ${fixed(aging.seconds / hand.seconds)} ` +
      '(goal <= 2)',
  );

  const metrics = phase('metrics', importedDb, '2025-04-01', '2025-06-30');
  console.log(
    `metrics for 2025-04-01..2025-06-30: ${fixed(metrics.seconds, 3)} s ` +
      `(${fixed(metrics.seconds / hand.seconds)} x one aging query; ` +
      `DSO ${fixed(metrics.dso ?? 0)}, ` +
      `CEI ${fixed(metrics.cei ?? 0)})`,
  );

  const exported = phase('export', importedDb, join(folder, 'export.csv'));
  console.log(
    `invoice CSV export: ${fixed((exported.rows ?? 0) / exported.seconds, 0)} rows/s, ` +
      `peak RSS ${fixed(exported.peakRssMb, 0)} MB`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
