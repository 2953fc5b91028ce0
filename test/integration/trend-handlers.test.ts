import { describe, expect, it } from 'vitest';
import { createLedgerHandlers } from '../../electron/handlers/ledger-handlers.ts';
import { dispatchIpc } from '../../electron/ipc/dispatch.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

describe('trends/report handler', () => {
  it('rejects a period that ends before it starts', async () => {
    const { db, path } = temp.ledger();
    const reader = openLedger(path, { readOnly: true });
    try {
      const handlers = createLedgerHandlers({
        writer: db,
        reader,
        path,
        files: new Map(),
        jobs: new Map(),
        emit: () => undefined,
      });
      const reversed = await dispatchIpc(handlers, 'trends/report', {
        from: '2026-03-31',
        to: '2025-04-01',
      });
      expect(reversed).toMatchObject({ ok: false, error: { code: 'rejected' } });
      const empty = await dispatchIpc(handlers, 'trends/report', {
        from: '2025-04-01',
        to: '2026-03-31',
      });
      expect(empty).toMatchObject({ ok: true, value: { portfolio: {}, alerts: [] } });
    } finally {
      reader.close();
    }
  });
});
