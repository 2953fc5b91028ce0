import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatchIpc } from '../../electron/ipc/dispatch.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { ipcChannels } from '../../shared/ipc/contract.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { handlersFor } from '../support/ledger-handlers.ts';

const temp = useTempFolder();

describe('IPC dispatch under random payloads', () => {
  it('answers every payload with a result', async () => {
    const { db, path } = temp.ledger();
    const reader = openLedger(path, { readOnly: true });
    const handlers = handlersFor(db, reader, path);
    const codes = new Set(['invalid-request', 'not-found', 'rejected', 'failed']);
    let runs = 0;
    let failures = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...ipcChannels), fc.string()),
        fc.oneof(
          fc.anything(),
          fc.record({ asOf: fc.string(), currency: fc.string(), clientId: fc.anything() }),
          fc.record({
            asOf: fc
              .date({
                min: new Date('1900-01-01'),
                max: new Date('2100-12-31'),
                noInvalidDate: true,
              })
              .map((d) => d.toISOString().slice(0, 10)),
          }),
        ),
        async (channel, payload) => {
          runs += 1;
          const result = await dispatchIpc(handlers, channel, payload);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) {
            expect(codes.has(result.error.code)).toBe(true);
            // A bug would surface as "failed"; bad input must be caught by the schemas.
            if (result.error.code === 'failed') failures += 1;
          }
        },
      ),
      { numRuns: 500, seed: 20261204 },
    );
    reader.close();
    expect(runs).toBe(500);
    expect(failures).toBe(0);
  });
});
