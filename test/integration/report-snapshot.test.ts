import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/ledger/database.ts';
import { exportReport } from '../../electron/reports/report-export.ts';
import { openInvoicesAsOf, writeOpenInvoicesLedger } from '../bench/open-invoices-ledger.ts';
import { readCsv } from '../support/report-files.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

describe('report snapshot', () => {
  it('ignores a payment committed mid-export', async () => {
    const path = join(temp.folder(), 'open.sqlite');
    // 25,000 open invoices, so the CSV writer reports progress at row 10,000 mid-stream.
    writeOpenInvoicesLedger(path, 25_000);

    const reader = openLedger(path, { readOnly: true });
    const writer = openLedger(path);
    const out = join(temp.folder(), 'detail.csv');
    let paidMidway = false;
    try {
      await exportReport(
        reader,
        { report: 'aging-detail', asOf: openInvoicesAsOf },
        {
          format: 'csv',
          outFile: out,
          onProgress: ({ rows }) => {
            if (rows !== 10_000) return;
            // An unallocated payment of client C000 is unapplied money: read after the
            // commit, it would add a row to the end of the detail.
            writer
              .prepare(
                `INSERT INTO payments (client_id, payment_date, amount_cents, currency,
                   created_at) SELECT id, '2026-11-01', 12345, 'USD', 'now' FROM clients
                   WHERE code = 'C000'`,
              )
              .run();
            paidMidway = true;
          },
        },
      );
    } finally {
      reader.close();
      writer.close();
    }

    expect(paidMidway).toBe(true);
    const rows = readCsv(out);
    expect(rows).toHaveLength(25_000);
    expect(rows.filter((row) => row['type'] !== 'invoice')).toEqual([]);
  });
});
