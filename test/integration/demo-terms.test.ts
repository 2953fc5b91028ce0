import { describe, expect, it } from 'vitest';

import { createDemoLedger, demoClientProfiles } from '../../electron/demo/demo-ledger.ts';
import { termChargesDue } from '../../electron/terms/charge-posting.ts';
import { readTermsTemplates } from '../../electron/terms/terms-store.ts';
import { daysBetween } from '../../shared/calendar-date.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();
const options = { clients: 40, invoices: 600, seed: 7, endDate: '2026-06-30' };

describe('demo ledger terms', () => {
  it('issues every invoice under its client’s terms, with a matching due date', () => {
    const { db } = temp.ledger();
    createDemoLedger(db, options);
    const rows = db
      .prepare(
        `SELECT c.code, c.terms_template_id AS clientTerms, i.invoice_date AS invoiceDate,
                i.due_date AS dueDate, i.terms_snapshot AS snapshot
         FROM invoices i JOIN clients c ON c.id = i.client_id`,
      )
      .all() as {
      code: string;
      clientTerms: string;
      invoiceDate: string;
      dueDate: string;
      snapshot: string;
    }[];
    expect(rows).toHaveLength(600);
    const profiles = demoClientProfiles(options);
    const stored = new Set(readTermsTemplates(db).templates.map((terms) => terms.id));
    for (const row of rows) {
      const terms = JSON.parse(row.snapshot) as { id: string; netDays: number };
      expect(terms.id).toBe(row.clientTerms);
      expect(stored.has(terms.id)).toBe(true);
      expect(daysBetween(row.invoiceDate, row.dueDate)).toBe(terms.netDays);
      if (terms.id === '2-10-net-30') expect(profiles.get(row.code)).toBe('prompt');
    }
  });

  it('owes late fees only on invoices paid late or still open after grace', () => {
    const { db } = temp.ledger();
    createDemoLedger(db, options);
    const fees = termChargesDue(db, options.endDate).filter((fee) => fee.kind === 'late-fee');
    expect(fees.length).toBeGreaterThan(0);
    const invoice = db.prepare(
      `SELECT due_date AS dueDate, json_extract(terms_snapshot, '$.graceDays') AS grace
       FROM invoices WHERE id = ?`,
    );
    for (const fee of fees) {
      const { dueDate, grace } = invoice.get(fee.invoiceId) as { dueDate: string; grace: number };
      expect(daysBetween(dueDate, fee.date)).toBeGreaterThan(grace);
    }
  });
});
