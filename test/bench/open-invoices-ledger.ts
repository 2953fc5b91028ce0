import { addDays } from '../../shared/calendar-date.ts';
import { openLedger } from '../../electron/ledger/database.ts';

/** An as-of date after every invoice that `writeOpenInvoicesLedger` writes. */
export const openInvoicesAsOf = '2026-11-30';

/**
 * Writes a new ledger of `count` unpaid USD invoices over 500 clients, dated 2026-01-01 to
 * 2026-11-26. They are the invoices that test/e2e/large-aging.test.ts imports from a CSV,
 * written here by prepared inserts in one transaction because that is several times faster.
 */
export function writeOpenInvoicesLedger(dbPath: string, count: number): void {
  const db = openLedger(dbPath);
  try {
    const now = new Date().toISOString();
    const insertClient = db.prepare(
      'INSERT INTO clients (code, name, created_at) VALUES (?, ?, ?) RETURNING id',
    );
    const insertInvoice = db.prepare(
      `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents, currency,
         created_at) VALUES (?, ?, ?, ?, ?, 'USD', ?)`,
    );
    const dates = Array.from({ length: 330 }, (_, day) => addDays('2026-01-01', day));
    db.transaction(() => {
      const clientIds: number[] = [];
      for (let client = 0; client < 500; client += 1) {
        const code = String(client).padStart(3, '0');
        const row = insertClient.get(`C${code}`, `Client ${code}`, now) as { id: number };
        clientIds.push(row.id);
      }
      for (let index = 0; index < count; index += 1) {
        const date = dates[index % dates.length] as string;
        insertInvoice.run(
          clientIds[index % clientIds.length],
          `L-${index + 1}`,
          date,
          addDays(date, 30),
          10_000 + ((index * 7919) % 90_000),
          now,
        );
      }
    })();
  } finally {
    db.close();
  }
}
