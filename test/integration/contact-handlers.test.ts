import { describe, expect, it } from 'vitest';
import { dispatchIpc } from '../../electron/ipc/dispatch.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { ipcContract } from '../../shared/ipc/contract.ts';
import { importedLedger } from '../support/collection-ledger.ts';
import { handlersFor } from '../support/ledger-handlers.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

const call = {
  clientId: 1,
  kind: 'call',
  direction: 'outbound',
  occurredOn: '2026-03-05',
  minutes: 10,
  outcome: null,
  summary: 'Left a message.',
  repliesToReminderId: null,
};

async function mounted() {
  const { db, path } = await importedLedger(temp, '2026-02-01,2026-03-03,A-1,acme,400.00\n');
  const reader = openLedger(path, { readOnly: true });
  const events: string[] = [];
  const handlers = handlersFor(db, reader, path, (_event, payload) => {
    events.push((payload as { reason: string }).reason);
  });
  const call = (channel: string, payload: unknown) => dispatchIpc(handlers, channel, payload);
  return { db, reader, events, call };
}

describe('contact log over IPC', () => {
  it('logs, records and reads back the timeline', async () => {
    const ipc = await mounted();
    expect(await ipc.call('interactions/log', call)).toEqual({
      ok: true,
      value: { interactionId: 1 },
    });
    const promise = {
      clientId: 1,
      amountCents: 40_000,
      currency: 'USD',
      promisedFor: '2026-03-20',
      madeOn: '2026-03-05',
      interactionId: 1,
    };
    expect(await ipc.call('promises/record', promise)).toEqual({
      ok: true,
      value: { promiseId: 1 },
    });
    expect(ipc.events).toEqual(['interaction', 'promise']);
    const timeline = await ipc.call('timeline/get', { clientId: 1 });
    expect(timeline.ok).toBe(true);
    const parsed = ipcContract['timeline/get'].response.parse(
      (timeline as { value: unknown }).value,
    );
    expect(parsed.interactions.map((row) => row.summary)).toEqual(['Left a message.']);
    expect(parsed.promises.map((row) => row.status)).toEqual(['open']);
    ipc.reader.close();
  });

  it('rejects what the ledger refuses and emits nothing', async () => {
    const ipc = await mounted();
    expect(await ipc.call('interactions/log', { ...call, kind: 'note' })).toEqual({
      ok: false,
      error: {
        code: 'rejected',
        message:
          'A note is an internal record, not outbound: give direction internal, or log a ' +
          'call, e-mail, letter or meeting.',
      },
    });
    expect(await ipc.call('interactions/log', { ...call, clientId: 9 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Client 9 not found.' },
    });
    const invalid = await ipc.call('interactions/log', { ...call, minutes: -1, sql: 'x' });
    expect(invalid.ok ? null : invalid.error.code).toBe('invalid-request');
    const reversed = await ipc.call('metrics/collection-activity', {
      from: '2026-03-31',
      to: '2026-03-01',
    });
    expect(reversed.ok ? null : reversed.error.code).toBe('rejected');
    expect(ipc.events).toEqual([]);
    ipc.reader.close();
  });

  it('answers the collection activity metrics within the contract', async () => {
    const ipc = await mounted();
    await ipc.call('interactions/log', call);
    const result = await ipc.call('metrics/collection-activity', {
      from: '2026-03-01',
      to: '2026-03-31',
      clientId: 1,
    });
    expect(result.ok).toBe(true);
    const value = ipcContract['metrics/collection-activity'].response.parse(
      (result as { value: unknown }).value,
    );
    expect(value.clients).toHaveLength(1);
    // A-1 fell due on 03-03; the call on 03-05 was the first contact after.
    expect(value.portfolio[0]?.metrics.timeToFirstContact).toBe(2);
    expect(value.portfolio[0]?.metrics.manualCollectionMinutes).toBe(10);
    ipc.reader.close();
  });
});
