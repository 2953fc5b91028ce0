import { existsSync } from 'node:fs';
import { addDays, addMonths, firstOfMonth, localToday } from '../../../shared/calendar-date.ts';
import { demoLedgerPath } from '../../ledger/ledger-location.ts';
import type { CliIo } from '../io.ts';
import { runAging } from './aging.ts';
import { buildDemoLedger } from './demo.ts';
import { runMetrics } from './metrics.ts';

/**
 * What `npm start` does on a machine without the desktop app: creates the demo ledger in
 * the user's data folder when it is missing, then prints its aging as of today and the
 * collection metrics of the last three whole months.
 */
export function runStart(io: CliIo): number {
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
  io.out('Next: duedesk import FILE --db PATH (see duedesk help import).');
  return 0;
}
