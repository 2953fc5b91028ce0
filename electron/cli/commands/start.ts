import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { addDays, addMonths, firstOfMonth, localToday } from '../../../shared/calendar-date.ts';
import { ensureRendererBuilt } from '../../host/renderer-build.ts';
import { demoLedgerPath } from '../../ledger/ledger-location.ts';
import type { CliIo } from '../io.ts';
import { runAging } from './aging.ts';
import { buildDemoLedger } from './demo.ts';
import { runMetrics } from './metrics.ts';
import { serveUntilInterrupted } from './serve.ts';

export const startUsage = `duedesk start [--no-serve]

What npm start runs. Creates the demo ledger in the user's data folder when it is missing
and prints its aging as of today and the metrics of the last three whole months. Then, on a
machine without a display or without the Electron binary, it serves the window to a browser
on this computer (see duedesk help serve) until Ctrl+C; --no-serve stops after printing.
Where Electron and a display exist, run the desktop app with npm run start:desktop.`;

/**
 * Tells whether the Electron binary is installed and a display is there to show a window.
 * The `electron` package's main export is the binary's path, and requiring it throws when
 * the binary was never downloaded.
 */
export function desktopAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  const display = process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  if (!display) return false;
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary);
  } catch {
    return false;
  }
}

export async function runStart(args: readonly string[], io: CliIo): Promise<number> {
  const path = demoLedgerPath();
  const today = localToday();
  if (!existsSync(path)) {
    const summary = buildDemoLedger(path, {
      clients: 200,
      invoices: 5000,
      seed: 1,
      endDate: today,
    });
    io.out(`Created the demo ledger ${path} (${summary.invoices} invoices).`);
  } else {
    io.out(`Using the demo ledger ${path}.`);
  }
  const to = addDays(firstOfMonth(today), -1);
  const from = addMonths(firstOfMonth(today), -3);
  io.out('');
  runAging(['--db', path, '--as-of', today], io);
  io.out('');
  runMetrics(['--db', path, '--from', from, '--to', to], io);
  io.out('');
  if (args.includes('--no-serve')) return 0;
  if (desktopAvailable()) {
    io.out('Electron and a display are available: run npm run start:desktop for the window.');
    return 0;
  }
  io.out('No Electron binary or no display here, so the window is served to a browser instead.');
  await ensureRendererBuilt();
  await serveUntilInterrupted(path, 0, io);
  return 0;
}
