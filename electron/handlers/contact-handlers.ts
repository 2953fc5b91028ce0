import { IpcFailure } from '../../shared/ipc/ipc-error.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { clientTimeline } from '../collections/client-timeline.ts';
import { logInteraction } from '../collections/interactions.ts';
import { recordPromise } from '../collections/promises-to-pay.ts';
import type { Ledger } from '../ledger/database.ts';
import type { LedgerContext } from './ledger-context.ts';
import { rejectRangeErrors } from './rejection.ts';

type Channel = 'timeline/get' | 'interactions/log' | 'promises/record';

/** Handlers of the client page's timeline: interactions and promises to pay. */
export function contactHandlers(context: LedgerContext): Pick<IpcHandlers, Channel> {
  /** Runs a write, turning the checks' RangeErrors into rejections the window shows. */
  const change = <T>(clientId: number, reason: string, write: () => T): T => {
    requireClient(context.writer, clientId);
    const result = rejectRangeErrors(write);
    context.emit('ledger/changed', { reason });
    return result;
  };
  return {
    'timeline/get': ({ clientId }) => {
      requireClient(context.reader, clientId);
      return clientTimeline(context.reader, clientId);
    },
    'interactions/log': ({ clientId, ...interaction }) => {
      const interactionId = change(clientId, 'interaction', () =>
        logInteraction(context.writer, clientId, { ...interaction, automated: false }),
      );
      return { interactionId };
    },
    'promises/record': ({ clientId, ...promise }) => {
      const promiseId = change(clientId, 'promise', () =>
        recordPromise(context.writer, clientId, promise),
      );
      return { promiseId };
    },
  };
}

function requireClient(db: Ledger, clientId: number): void {
  const found = db.prepare('SELECT 1 FROM clients WHERE id = ?').pluck().get(clientId);
  if (found === undefined) throw new IpcFailure('not-found', `Client ${clientId} not found.`);
}
