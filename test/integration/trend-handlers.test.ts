import { describe, expect, it, vi } from 'vitest';
import { createDemoLedger } from '../../electron/demo/demo-ledger.ts';
import { alertSentence } from '../../electron/handlers/trend-handlers.ts';
import { environmentSecretStore } from '../../electron/collections/secret-store.ts';
import { createLedgerHandlers } from '../../electron/handlers/ledger-handlers.ts';
import { dispatchIpc } from '../../electron/ipc/dispatch.ts';
import { openLedger, type Ledger } from '../../electron/ledger/database.ts';
import { trendReport, type ClientTrend } from '../../electron/trends/trend-report.ts';
import { ipcContract } from '../../shared/ipc/contract.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { handlersFor } from '../support/ledger-handlers.ts';

const temp = useTempFolder();

/** Requests trends/report and checks the response against the contract's schema. */
async function askTrends(handlers: ReturnType<typeof handlersFor>, request: object) {
  const answer = await dispatchIpc(handlers, 'trends/report', request);
  if (!answer.ok) throw new Error(`trends/report failed: ${JSON.stringify(answer.error)}`);
  return ipcContract['trends/report'].response.parse(answer.value);
}

/** Settled invoices over the period: the client whose figures are the least often null. */
function busiest(clients: readonly ClientTrend[]): ClientTrend {
  const settled = (client: ClientTrend) =>
    client.months.reduce((sum, month) => sum + month.settledInvoices, 0);
  const found = [...clients].sort((a, b) => settled(b) - settled(a))[0];
  if (found === undefined) throw new Error('The demo ledger has no client.');
  return found;
}

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
        secrets: environmentSecretStore,
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

describe('trends/report for one client', () => {
  const from = '2025-04-01';
  const to = '2026-03-31';

  it('equals that client in the full report', async () => {
    const { db, path } = temp.ledger();
    createDemoLedger(db, { clients: 40, invoices: 3_000, seed: 11, endDate: to });
    const reader = openLedger(path, { readOnly: true });
    try {
      const full = trendReport(reader, from, to);
      // One client with alerts and one without, so that both parts of the response are compared.
      const alerted = full.clients.find((client) =>
        full.alerts.some((alert) => alert.clientId === client.clientId),
      );
      const quiet = full.clients.find(
        (client) => !full.alerts.some((alert) => alert.clientId === client.clientId),
      );
      if (alerted === undefined || quiet === undefined) {
        throw new Error('The demo ledger needs clients with and without alerts.');
      }
      for (const client of [alerted, quiet, busiest(full.clients)]) {
        const filtered = trendReport(reader, from, to, {}, { clientId: client.clientId });
        expect(filtered.months).toEqual(full.months);
        expect(filtered.portfolio).toEqual({});
        expect(filtered.clients).toEqual([client]);
        expect(filtered.alerts).toEqual(
          full.alerts.filter((alert) => alert.clientId === client.clientId),
        );
      }
      expect(alerted.months.some((month) => month.creditUtilisation !== null)).toBe(true);

      const handlers = handlersFor(db, reader, path);
      const value = await askTrends(handlers, {
        from,
        to,
        clientId: alerted.clientId,
      });
      const { clientId, code, name, currency } = alerted;
      expect(value.client).toEqual(alerted);
      expect(value.clients).toEqual([{ clientId, code, name, currency }]);
      expect(value.portfolio).toEqual({});
      expect(value.alerts.map((alert) => alert.sentence)).toEqual(
        full.alerts
          .filter((alert) => alert.clientId === clientId)
          .map((alert) => alertSentence(alert.message)),
      );
      expect(value.alerts.length).toBeGreaterThan(0);
    } finally {
      reader.close();
    }
  });

  it('sends every client without months when no client is named', async () => {
    const { db, path } = temp.ledger();
    createDemoLedger(db, { clients: 12, invoices: 600, seed: 3, endDate: to });
    const reader = openLedger(path, { readOnly: true });
    try {
      const full = trendReport(reader, from, to);
      const value = await askTrends(handlersFor(db, reader, path), {
        from,
        to,
      });
      expect(value.client).toBeNull();
      expect(value.clients).toEqual(
        full.clients.map(({ clientId, code, name, currency }) => ({
          clientId,
          code,
          name,
          currency,
        })),
      );
      expect(value.clients.length).toBe(12);
    } finally {
      reader.close();
    }
  });

  it('runs the same grouped queries for one client as for all', () => {
    const { db } = temp.ledger();
    createDemoLedger(db, { clients: 12, invoices: 600, seed: 3, endDate: to });
    const prepare = vi.spyOn(db, 'prepare');
    trendReport(db, from, to);
    const forAll = prepare.mock.calls.length;
    prepare.mockClear();
    const first = trendReport(db, from, to).clients[0];
    if (first === undefined) throw new Error('The demo ledger has no client.');
    prepare.mockClear();
    trendReport(db, from, to, {}, { clientId: first.clientId });
    expect(prepare.mock.calls.length).toBe(forAll);
    expect(forAll).toBeLessThan(12);
  });

  it('answers null for a client with no invoice by the end date', async () => {
    const { db, path } = temp.ledger();
    createDemoLedger(db, { clients: 12, invoices: 600, seed: 3, endDate: to });
    const reader = openLedger(path, { readOnly: true });
    try {
      const handlers = handlersFor(db, reader, path);
      const answer = await dispatchIpc(handlers, 'trends/report', { from, to, clientId: 999_999 });
      expect(answer).toMatchObject({
        ok: true,
        value: { client: null, clients: [], portfolio: {}, alerts: [] },
      });
      const text = await dispatchIpc(handlers, 'trends/report', { from, to, clientId: '1' });
      expect(text).toMatchObject({ ok: false });
    } finally {
      reader.close();
    }
  });
});
