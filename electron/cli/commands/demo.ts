import { existsSync } from 'node:fs';
import { localToday } from '../../../shared/calendar-date.ts';
import { openLedger } from '../../ledger/database.ts';
import { createDemoLedger } from '../../demo/demo-ledger.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { dateOption, integerOption, parseCommandArgs, requireOption } from '../options.ts';

export const demoUsage = `duedesk demo --db PATH [--clients N] [--invoices N] [--seed S]
                    [--end DATE]

Creates a synthetic ledger for trying Duedesk: clients who pay promptly, slowly,
erratically or worse and worse; partial, split and unapplied payments; credit notes;
disputes; several currencies; seasonal invoicing. The same seed and end date give the same
ledger. Defaults: 200 clients, 5000 invoices, seed 1, invoices up to today.`;

export function runDemo(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    clients: { type: 'string' },
    invoices: { type: 'string' },
    seed: { type: 'string' },
    end: { type: 'string' },
  });
  const path = requireOption(values.db, '--db', 'demo.db');
  if (existsSync(path)) {
    throw new UsageError(`${path} already exists: give a new file for the demo ledger.`);
  }
  const clients = integerOption(values.clients, '--clients', 200);
  const invoices = integerOption(values.invoices, '--invoices', 5000);
  if (clients < 1 || invoices < clients) {
    throw new UsageError('Give at least one client and at least as many invoices as clients.');
  }
  const summary = buildDemoLedger(path, {
    clients,
    invoices,
    seed: integerOption(values.seed, '--seed', 1),
    endDate: dateOption(values.end, '--end', localToday()),
  });
  io.out(
    `Created demo ledger ${path}: ${summary.clients} clients, ${summary.invoices} invoices, ` +
      `${summary.payments} payments, ${summary.creditNotes} credit notes, ` +
      `${summary.disputes} disputes in ${summary.currencies.join(', ')}.`,
  );
  return 0;
}

export function buildDemoLedger(path: string, options: Parameters<typeof createDemoLedger>[1]) {
  const db = openLedger(path);
  try {
    return createDemoLedger(db, options);
  } finally {
    db.close();
  }
}
