/**
 * `npm run bench`: imports, ages, measures and exports a ledger of a million invoices, then
 * times the renderer in headless Chromium, and prints each figure against a baseline measured
 * in the same run on the same machine. Set BENCH_ROWS for a smaller or larger import.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, hasChromium } from '../e2e/browser-session.ts';
import type { LongFrameSummary } from './frame-stats.ts';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const folder = mkdtempSync(join(tmpdir(), 'duedesk-bench-'));
const csv = join(folder, 'invoices.csv');
const importedDb = join(folder, 'imported.sqlite');
const rawDb = join(folder, 'raw.sqlite');

interface PhaseResult {
  seconds: number;
  rows?: number;
  pages?: number;
  peakRssMb: number;
  total?: number;
  open?: number;
  dso?: number;
  cei?: number;
}

interface ScrollFigures {
  frames: number;
  lateShare: number;
  p95Ms: number;
  maxMs: number;
  longFrames: LongFrameSummary;
}

interface ScrollResult {
  chromium: string;
  cores: number;
  invoices: number;
  seconds: number;
  passes: number;
  table: ScrollFigures;
  plain: ScrollFigures;
}

interface ActivityResult {
  seconds: number;
  rows?: number;
  hoverMoves: number;
  longTasks: number;
  maxTaskMs: number;
  maxFrameMs: number;
  longFrames: LongFrameSummary;
}

function runPhase<T>(script: string, args: string[]): T {
  const output = execFileSync(process.execPath, ['bin/run-ts.js', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output.trim().split('\n').at(-1) as string) as T;
}

function phase(...args: string[]): PhaseResult {
  return runPhase('test/bench/bench-phase.ts', args);
}

function uiPhase<T>(...args: string[]): T {
  return runPhase('test/bench/ui-bench-phase.ts', args);
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const percent = (share: number) => `${fixed(share * 100, 1)}%`;
const longestTask = (ms: number) => (ms === 0 ? 'none over 50 ms' : `${fixed(ms, 0)} ms`);

function describeLongFrames(summary: LongFrameSummary): string {
  if (summary.count === 0) return 'none';
  const other = summary.totalMs - summary.scriptMs - summary.renderMs;
  return (
    `${summary.count}, max ${fixed(summary.maxMs, 0)} ms; ` +
    `of their ${fixed(summary.totalMs, 0)} ms, ` +
    `script ${fixed(summary.scriptMs, 0)} ms ` +
    `(${fixed(summary.topInvokerMs, 0)} ms in ${summary.topInvoker}), ` +
    `style to paint ${fixed(summary.renderMs, 0)} ms, other ${fixed(other, 0)} ms`
  );
}

/**
 * Times the aging detail report: as CSV over a ledger of `rows` open invoices, against the
 * plain invoice CSV export of the same ledger, and as a PDF of 10,000 invoices, against the
 * CSV of the same 10,000.
 */
function reportFigures(): void {
  const large = join(folder, 'report-open.sqlite');
  phase('open-ledger', large, String(rows));
  const detail = phase('aging-detail-csv', large, join(folder, 'aging-detail.csv'));
  const plain = phase('invoice-csv', large, join(folder, 'invoices-plain.csv'));
  const detailRate = (detail.rows ?? 0) / detail.seconds;
  const plainRate = (plain.rows ?? 0) / plain.seconds;
  console.log(
    `aging detail CSV, ${(detail.rows ?? 0).toLocaleString('en-US')} rows: ` +
      `${fixed(detailRate, 0)} rows/s, peak RSS ${fixed(detail.peakRssMb, 0)} MB; ` +
      `plain invoice CSV of the same ledger ${fixed(plainRate, 0)} rows/s, ` +
      `peak RSS ${fixed(plain.peakRssMb, 0)} MB; ratio ${fixed(detailRate / plainRate)} ` +
      `(goal >= 0.5), memory ${fixed(detail.peakRssMb / plain.peakRssMb)} x`,
  );
  rmSync(join(folder, 'aging-detail.csv'), { force: true });
  rmSync(join(folder, 'invoices-plain.csv'), { force: true });

  const small = join(folder, 'report-10k.sqlite');
  phase('open-ledger', small, '10000');
  const pdf = phase('aging-detail-pdf', small, join(folder, 'aging-detail.pdf'));
  const csv10k = phase('aging-detail-csv', small, join(folder, 'aging-detail-10k.csv'));
  console.log(
    `aging detail PDF, 10,000 invoices: ${fixed(pdf.seconds)} s, ${pdf.pages} pages, ` +
      `peak RSS ${fixed(pdf.peakRssMb, 0)} MB (goal: seconds); ` +
      `the same report as CSV ${fixed(csv10k.seconds)} s; ratio ` +
      `${fixed(pdf.seconds / csv10k.seconds)}`,
  );
}

/** Prints the renderer's figures, which ui-bench-phase.ts measures in headless Chromium. */
function uiFigures(importRate: number): void {
  if (!hasChromium) {
    console.log(`UI figures skipped: no Chromium at ${chromiumPath}`);
    return;
  }
  const rendererDir = join(folder, 'renderer');
  uiPhase('build-renderer', rendererDir);

  const scroll = uiPhase<ScrollResult>('scroll', join(folder, 'open-invoices.sqlite'), rendererDir);
  const { table, plain } = scroll;
  console.log(
    `UI in headless Chromium ${scroll.chromium} at 1280x800, software rendering ` +
      `(--disable-gpu), ${scroll.cores} cores: slower than a desktop with a GPU, ` +
      'so read each UI figure against its baseline',
  );
  console.log(
    `aging detail scroll, ${scroll.invoices.toLocaleString('en-US')} invoices top to bottom ` +
      `in ${scroll.seconds} s, ${scroll.passes} passes: ${percent(table.lateShare)} of ` +
      `${table.frames} frames over 16.7 ms (goal <= 5%), p95 ${fixed(table.p95Ms, 1)} ms, ` +
      `max ${fixed(table.maxMs, 1)} ms`,
  );
  console.log(
    `plain page of the same size and scroll height: ${percent(plain.lateShare)} of ` +
      `${plain.frames} frames over 16.7 ms, p95 ${fixed(plain.p95Ms, 1)} ms, ` +
      `max ${fixed(plain.maxMs, 1)} ms; ` +
      `frames drawn ${fixed(table.frames / plain.frames)} x, ` +
      `p95 ${fixed(table.p95Ms / plain.p95Ms)} x the plain page's`,
  );
  console.log(
    `  long animation frames in the detail scroll: ${describeLongFrames(table.longFrames)}`,
  );

  const busy = uiPhase<ActivityResult>(
    'import-activity',
    join(folder, 'ui-import.sqlite'),
    rendererDir,
    csv,
  );
  const busyRate = (busy.rows ?? 0) / busy.seconds;
  console.log(
    `import through the host, dashboard open and hovered every 100 ms: ${fixed(busyRate, 0)} ` +
      `rows/s (${fixed(busyRate / importRate)} x the import above); longest main-thread task ` +
      `${longestTask(busy.maxTaskMs)} (goal < 50 ms), ${busy.longTasks} long tasks; ` +
      `longest frame ${fixed(busy.maxFrameMs, 1)} ms`,
  );
  if (busy.longFrames.count > 0) {
    console.log(`  long animation frames: ${describeLongFrames(busy.longFrames)}`);
  }
  const idle = uiPhase<ActivityResult>(
    'idle-activity',
    join(folder, 'ui-idle.sqlite'),
    rendererDir,
    String(busy.seconds),
  );
  console.log(
    `same page and input for ${fixed(idle.seconds, 1)} s without an import: longest task ` +
      `${longestTask(idle.maxTaskMs)}, ${idle.longTasks} long tasks; ` +
      `longest frame ${fixed(idle.maxFrameMs, 1)} ms`,
  );
  if (idle.longFrames.count > 0) {
    console.log(`  long animation frames: ${describeLongFrames(idle.longFrames)}`);
  }
}

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

  reportFigures();
  uiFigures(importRate);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
