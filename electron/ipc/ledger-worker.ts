import { parentPort, workerData } from 'node:worker_threads';
import { ReminderScheduler } from '../collections/reminder-scheduler.ts';
import { environmentSecretStore } from '../collections/secret-store.ts';
import { createLedgerHandlers } from '../handlers/ledger-handlers.ts';
import type { LedgerContext, RegisteredFile } from '../handlers/ledger-context.ts';
import type { SaveTargets } from '../handlers/report-file-handlers.ts';
import { openLedger } from '../ledger/database.ts';
import { log } from '../log.ts';
import { dispatchIpc } from './dispatch.ts';
import { relaySecrets } from './secret-relay.ts';
import type {
  FromLedgerWorker,
  LedgerWorkerData,
  ToLedgerWorker,
} from './ledger-worker-protocol.ts';

/**
 * The ledger's own thread: it owns both SQLite connections and runs every request, so that a
 * million-row import or a large report never blocks the thread that draws the window or
 * serves HTTP.
 */
const port = parentPort;
if (!port) throw new Error('ledger-worker.ts runs only as a worker thread.');
const { dbPath, secrets, reminders } = workerData as LedgerWorkerData;
const send = (message: FromLedgerWorker) => port.postMessage(message);
const secretRelay = secrets === 'main-thread' ? relaySecrets(send) : null;

try {
  const writer = openLedger(dbPath);
  const reader = openLedger(dbPath, { readOnly: true });
  const files = new Map<string, RegisteredFile>();
  const context: LedgerContext = {
    writer,
    reader,
    path: dbPath,
    files,
    jobs: new Map(),
    emit: (name, payload) => send({ type: 'event', name, payload }),
    secrets: secretRelay?.store ?? environmentSecretStore,
  };
  const saveTargets: SaveTargets = new Map();
  const handlers = createLedgerHandlers(context, saveTargets);
  const scheduler = reminders
    ? new ReminderScheduler({
        db: writer,
        secrets: context.secrets,
        onChange: () => context.emit('ledger/changed', { reason: 'reminders' }),
      })
    : null;

  port.on('message', (message: ToLedgerWorker) => {
    switch (message.type) {
      case 'invoke':
        void dispatchIpc(handlers, message.channel, message.payload).then((result) =>
          send({ type: 'result', id: message.id, result }),
        );
        break;
      case 'secret-response':
        secretRelay?.receive(message);
        break;
      case 'register-file':
        files.set(message.token, { path: message.path, name: message.name });
        break;
      case 'register-save-target':
        saveTargets.set(message.token, message.target);
        break;
      case 'close':
        for (const job of context.jobs.values()) job.abort();
        // A pass in progress finishes first, so that no reminder is left half recorded.
        void (scheduler?.stop() ?? Promise.resolve()).finally(() => {
          reader.close();
          writer.close();
          send({ type: 'closed' });
          port.close();
        });
        break;
    }
  });
  send({ type: 'ready' });
  // The first pass starts once the window can be served, and runs while it loads.
  void scheduler?.start();
} catch (error) {
  log.error('[ledger-worker] could not open the ledger', dbPath, error);
  send({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
}
