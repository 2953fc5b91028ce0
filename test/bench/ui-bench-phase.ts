/**
 * The benchmark's measurements in the renderer, each run in its own process like those of
 * bench-phase.ts, so that the browser, the loopback host and its ledger worker share no memory
 * with the import phases. Prints one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { request } from 'node:http';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import type { LoopbackHost } from '../../electron/host/loopback-host.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import type { FileRef } from '../../shared/ipc/api.ts';
import type { IpcRequest, IpcResponse } from '../../shared/ipc/contract.ts';
import type { IpcResult } from '../../shared/ipc/ipc-error.ts';
import { openBenchSession, type BenchSession } from './bench-browser.ts';
import { frameStats, summariseLongFrames } from './frame-stats.ts';
import { openInvoicesAsOf, writeOpenInvoicesLedger } from './open-invoices-ledger.ts';
import {
  recordScroll,
  startActivity,
  stopActivity,
  type ActivityRecording,
  type ScrollRecording,
} from './page-probes.ts';

const [phase, ...args] = process.argv.slice(3);

/** Open invoices in the scrolled table, whatever BENCH_ROWS is: the aging page's design load. */
const SCROLL_INVOICES = 100_000;
const SCROLL_MS = 8_000;
// One pass varies by several points of late frames from run to run on two shared cores, so
// each figure pools three.
const SCROLL_PASSES = 3;
/** The aging detail's scrolling element, found by its table, the only virtualised one. */
const DETAIL_SCROLLER = '.table-scroller:has(> table.virtual-table)';
const HOVER_INTERVAL_MS = 100;

function report(result: Record<string, unknown>): void {
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ phase, ...result, peakRssMb })}\n`);
}

/**
 * Builds the renderer for production into `outDir`. The benchmark builds its own because
 * dist/renderer may hold React's development build, which renders several times slower.
 * Vite bundles that build under any NODE_ENV but 'production', and vitest sets NODE_ENV to
 * 'test', so the end-to-end tests' global setup produces one.
 */
async function buildRenderer(outDir: string) {
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const began = performance.now();
  await build({
    configFile: join(import.meta.dirname, '../../renderer/vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return { seconds: (performance.now() - began) / 1000 };
}

/** Opens the renderer on the ledger at `dbPath`, runs `measure`, then closes the session. */
async function withSession<T>(
  dbPath: string,
  rendererDir: string,
  measure: (session: BenchSession) => Promise<T>,
) {
  const session = await openBenchSession(dbPath, rendererDir);
  try {
    return await measure(session);
  } finally {
    await session.close();
  }
}

function failIfPageErrors(session: BenchSession): void {
  if (session.pageErrors.length > 0) {
    throw new Error(`The page raised errors: ${session.pageErrors.join('; ')}`);
  }
}

/** Scrolls the element top to bottom SCROLL_PASSES times and summarises all passes' frames. */
async function measureScroll(page: Page, selector: string) {
  const passes: ScrollRecording[] = [];
  for (let pass = 0; pass < SCROLL_PASSES; pass += 1) {
    passes.push(await recordScroll(page, selector, SCROLL_MS));
  }
  return {
    ...frameStats(passes.flatMap((recording) => recording.intervalsMs)),
    scrolledPx: Math.min(...passes.map((recording) => recording.scrolledPx)),
    longFrames: summariseLongFrames(passes.flatMap((recording) => recording.longFrames)),
  };
}

/**
 * Scrolls the aging detail of 100,000 open invoices from top to bottom, then a plain page
 * whose scrolling element has the same size and scroll height, and times every frame of both.
 */
async function scroll(dbPath: string, rendererDir: string) {
  const seedStarted = performance.now();
  writeOpenInvoicesLedger(dbPath, SCROLL_INVOICES);
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  return withSession(dbPath, rendererDir, async (session) => {
    const { page } = session;
    await page.getByLabel('As of').fill(openInvoicesAsOf);
    await page.evaluate(`location.hash = '#/aging'`);
    const detail = page.getByRole('region', { name: 'Open invoices' });
    const count = SCROLL_INVOICES.toLocaleString('en-US');
    await detail
      .getByText(`${count} of ${count} open invoices shown`)
      .waitFor({ timeout: 120_000 });
    const selector = JSON.stringify(DETAIL_SCROLLER);
    // Centred in the window, so that every row scrolled through is drawn.
    await page.evaluate(`document.querySelector(${selector}).scrollIntoView({ block: 'center' })`);
    const box = (await page.evaluate(`(() => {
      const scroller = document.querySelector(${selector});
      const { top, left } = scroller.getBoundingClientRect();
      return {
        top, left, width: scroller.offsetWidth, height: scroller.offsetHeight,
        scrollHeight: scroller.scrollHeight,
      };
    })()`)) as { top: number; left: number; width: number; height: number; scrollHeight: number };
    // Lets the first render's deferred work (React effects, the virtualiser's measuring) end.
    await page.waitForTimeout(1_000);
    const table = await measureScroll(page, DETAIL_SCROLLER);
    const lastRow = detail.locator(`tbody tr[data-row-index="${SCROLL_INVOICES - 1}"]`);
    if ((await lastRow.count()) !== 1) {
      throw new Error(`The scroll ended at ${table.scrolledPx} px without the last row shown.`);
    }
    failIfPageErrors(session);

    await page.goto('about:blank');
    await page.setContent(
      `<body style="margin: 0">
        <div id="scroller" style="position: absolute; overflow: auto; top: ${box.top}px;
          left: ${box.left}px; width: ${box.width}px; height: ${box.height}px">
          <div style="height: ${box.scrollHeight}px"></div>
        </div>
      </body>`,
    );
    await page.waitForTimeout(1_000);
    const plain = await measureScroll(page, '#scroller');
    return {
      chromium: session.browserVersion,
      cores: availableParallelism(),
      seedSeconds,
      invoices: SCROLL_INVOICES,
      seconds: SCROLL_MS / 1000,
      passes: SCROLL_PASSES,
      scrollHeightPx: box.scrollHeight,
      table,
      plain,
    };
  });
}

interface Hovering {
  /** Stops moving and returns the number of moves, or the error that stopped them. */
  stop(): Promise<{ moves: number; error: unknown }>;
}

/**
 * Moves the mouse to the next of `points` every 100 ms: light, steady input of the kind a
 * user gives while waiting, which the page must handle without delay.
 */
function startHovering(page: Page, points: readonly { x: number; y: number }[]): Hovering {
  let running = true;
  let moves = 0;
  const loop = async () => {
    const began = performance.now();
    while (running) {
      const point = points[moves % points.length] as { x: number; y: number };
      await page.mouse.move(point.x, point.y);
      moves += 1;
      await sleep(Math.max(0, began + moves * HOVER_INTERVAL_MS - performance.now()));
    }
  };
  const finished = loop().then(
    () => null,
    (error: unknown) => error,
  );
  return {
    async stop() {
      running = false;
      const error = await finished;
      return { moves, error };
    },
  };
}

/** Centres of the dashboard's metric cards and of the navigation links. */
async function hoverTargets(page: Page) {
  await page.locator('.metric-card').first().waitFor({ timeout: 30_000 });
  const points: { x: number; y: number }[] = [];
  for (const target of await page.locator('.metric-card, nav[aria-label="Sections"] a').all()) {
    const box = await target.boundingBox();
    if (box !== null) points.push({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }
  if (points.length === 0) throw new Error('No metric card or navigation link to hover found.');
  return points;
}

/** Records the page's activity while hovering, for as long as `work` runs. */
async function recordWhileHovering(page: Page, work: () => Promise<void>) {
  const hovering = startHovering(page, await hoverTargets(page));
  let recording: ActivityRecording;
  let stopped: Awaited<ReturnType<Hovering['stop']>>;
  try {
    await startActivity(page);
    await work();
    recording = await stopActivity(page);
  } finally {
    stopped = await hovering.stop();
  }
  if (stopped.error !== null) throw stopped.error;
  return summariseActivity(recording, stopped.moves);
}

function summariseActivity(recording: ActivityRecording, hoverMoves: number) {
  const frames = frameStats(recording.intervalsMs);
  return {
    spanSeconds: recording.spanMs / 1000,
    hoverMoves,
    longTasks: recording.longTasksMs.length,
    maxTaskMs: Math.max(0, ...recording.longTasksMs),
    frames: frames.frames,
    maxFrameMs: frames.maxMs,
    longFrames: summariseLongFrames(recording.longFrames),
  };
}

/** Sends a POST to the loopback host with its token and parses the IpcResult it returns. */
function postToHost<T>(
  host: LoopbackHost,
  path: string,
  headers: Record<string, string | number>,
  body: string | NodeJS.ReadableStream,
): Promise<IpcResult<T>> {
  return new Promise((resolve, reject) => {
    // node:http rather than fetch, because the import responds only once it has ended, and
    // Node's fetch (undici) fails when response headers take over 300 s, its headersTimeout.
    const outgoing = request(
      new URL(path, host.origin),
      { method: 'POST', headers: { ...headers, 'x-duedesk-token': host.token } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve(JSON.parse(text) as IpcResult<T>);
          } catch {
            const start = text.slice(0, 200);
            reject(new Error(`POST ${path} returned HTTP ${response.statusCode}: ${start}`));
          }
        });
      },
    );
    outgoing.on('error', reject);
    if (typeof body === 'string') outgoing.end(body);
    else pipeline(body, outgoing).catch(reject);
  });
}

function valueOf<T>(result: IpcResult<T>, action: string): T {
  if (!result.ok) throw new Error(`${action} failed: ${result.error.message}`);
  return result.value;
}

/**
 * Uploads the CSV at `csvPath` to the host as the renderer does, then imports it through
 * the host's import/run channel while the dashboard is open and hovered, and records the
 * page's long tasks from the request to the response.
 */
async function importActivity(dbPath: string, rendererDir: string, csvPath: string) {
  openLedger(dbPath).close();
  return withSession(dbPath, rendererDir, async (session) => {
    const { page, host } = session;
    const upload = await postToHost<FileRef>(
      host,
      '/files',
      {
        'content-type': 'text/csv',
        'content-length': statSync(csvPath).size,
        'x-file-name': encodeURIComponent(basename(csvPath)),
      },
      createReadStream(csvPath),
    );
    const file = valueOf(upload, 'Uploading the CSV file');
    const importRequest: IpcRequest<'import/run'> = {
      file: { token: file.token },
      preset: 'ibm-ar',
      kind: 'invoices',
      currency: 'USD',
      map: [],
      dryRun: false,
      jobId: randomUUID(),
    };
    let imported: IpcResponse<'import/run'> | undefined;
    let seconds = 0;
    const activity = await recordWhileHovering(page, async () => {
      const began = performance.now();
      const result = await postToHost<IpcResponse<'import/run'>>(
        host,
        '/ipc/import/run',
        { 'content-type': 'application/json' },
        JSON.stringify(importRequest),
      );
      seconds = (performance.now() - began) / 1000;
      imported = valueOf(result, 'The import');
    });
    if (imported?.status !== 'imported') {
      const reason = imported?.errors[0]?.reason ?? 'no row error reported';
      throw new Error(`The import ended as ${imported?.status}, not imported: ${reason}`);
    }
    failIfPageErrors(session);
    return { seconds, rows: imported.rowsRead, ...activity };
  });
}

/** Measures the baseline of `importActivity`: the same page, input and span, no import. */
async function idleActivity(dbPath: string, rendererDir: string, seconds: number) {
  openLedger(dbPath).close();
  return withSession(dbPath, rendererDir, async (session) => {
    const activity = await recordWhileHovering(session.page, () => sleep(seconds * 1000));
    failIfPageErrors(session);
    return { seconds, ...activity };
  });
}

const [first = '', second = '', third = ''] = args;
switch (phase) {
  case 'build-renderer':
    report(await buildRenderer(first));
    break;
  case 'scroll':
    report(await scroll(first, second));
    break;
  case 'import-activity':
    report(await importActivity(first, second, third));
    break;
  case 'idle-activity':
    report(await idleActivity(first, second, Number(third)));
    break;
  default:
    throw new Error(`Unknown UI benchmark phase "${phase}"`);
}
