import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileRef } from '../../shared/ipc/api.ts';
import { ipcChannels, type IpcChannel } from '../../shared/ipc/contract.ts';
import { IpcFailure, type IpcResult } from '../../shared/ipc/ipc-error.ts';
import type { SaveTarget } from '../../shared/ipc/report-contract.ts';
import { environmentSecretStore, type SecretStore } from '../collections/secret-store.ts';
import type { SaveTargetEntry } from '../handlers/report-file-handlers.ts';
import { log } from '../log.ts';
import type { IpcHandlers } from './dispatch.ts';
import type {
  FromLedgerWorker,
  LedgerWorkerData,
  ToLedgerWorker,
} from './ledger-worker-protocol.ts';
import { answerSecretRequest } from './secret-relay.ts';

export interface LedgerWorker {
  /** Handlers that forward each request to the worker; pass them to `dispatchIpc`. */
  readonly handlers: IpcHandlers;
  /** Resolves once the worker has opened (and if needed migrated) the ledger. */
  readonly ready: Promise<void>;
  /** Makes a file the user chose available to the import handlers under a random token. */
  registerFile(path: string, name: string): FileRef;
  /**
   * Makes a file or folder the user chose to save reports into known to the report handlers
   * under a random token. The path must have been checked: the worker writes there.
   */
  registerSaveTarget(target: SaveTargetEntry): SaveTarget;
  close(): Promise<void>;
}

export interface LedgerWorkerOptions {
  readonly dbPath: string;
  readonly onEvent: (name: string, payload: unknown) => void;
  /** The worker's script: the TypeScript bootstrap by default, a bundle in the desktop app. */
  readonly entry?: URL | string;
  /**
   * Encrypts the SMTP password on this thread for the worker: the desktop app's keychain.
   * Without it the worker uses the environment store.
   */
  readonly secrets?: SecretStore;
  /**
   * Runs the reminder scheduler in the worker: at start-up and every 15 minutes. The desktop
   * app does; `duedesk serve` and the tests do not, so that nothing is sent behind their back.
   */
  readonly reminders?: boolean;
}

/** Starts the ledger worker thread and returns handlers that talk to it. */
export function startLedgerWorker(options: LedgerWorkerOptions): LedgerWorker {
  const entry = options.entry ?? new URL('./ledger-worker-entry.js', import.meta.url);
  const workerData: LedgerWorkerData = {
    dbPath: options.dbPath,
    secrets: options.secrets === undefined ? 'environment' : 'main-thread',
    reminders: options.reminders === true,
  };
  const worker = new Worker(entry, { workerData });
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  let nextId = 1;
  let stopped: string | null = null;

  let markReady: () => void = () => undefined;
  let markFailed: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });

  const failAll = (reason: string) => {
    stopped = reason;
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'failed', message: reason } });
    }
    pending.clear();
  };

  worker.on('message', (message: FromLedgerWorker) => {
    switch (message.type) {
      case 'ready':
        markReady();
        break;
      case 'fatal':
        markFailed(new Error(message.message));
        failAll(`The ledger could not be opened: ${message.message}`);
        break;
      case 'result':
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
        break;
      case 'event':
        options.onEvent(message.name, message.payload);
        break;
      case 'closed':
        markClosed();
        break;
      case 'secret-request':
        void answerSecretRequest(options.secrets ?? environmentSecretStore, message).then(
          (response) => {
            if (stopped === null) post(response);
          },
        );
        break;
    }
  });
  worker.on('error', (error) => {
    log.error('[ledger-worker] crashed', error);
    markFailed(error);
    failAll(`The ledger worker stopped: ${error.message}`);
  });
  worker.on('exit', (code) => {
    markClosed();
    if (stopped === null) failAll(`The ledger worker exited with code ${code}.`);
  });

  const post = (message: ToLedgerWorker) => worker.postMessage(message);
  const invoke = async (channel: IpcChannel, payload: unknown): Promise<unknown> => {
    if (stopped !== null) throw new IpcFailure('failed', stopped);
    const result = await new Promise<IpcResult<unknown>>((resolve) => {
      const id = nextId;
      nextId += 1;
      pending.set(id, resolve);
      post({ type: 'invoke', id, channel, payload });
    });
    if (result.ok) return result.value;
    throw new IpcFailure(result.error.code, result.error.message, result.error.issues);
  };

  const handlers = Object.fromEntries(
    ipcChannels.map((channel) => [channel, (request: unknown) => invoke(channel, request)]),
  ) as unknown as IpcHandlers;

  return {
    handlers,
    ready,
    registerFile(path, name) {
      const token = randomBytes(18).toString('base64url');
      post({ type: 'register-file', token, path, name });
      return { token, name, sizeBytes: statSync(path).size };
    },
    registerSaveTarget(target) {
      const token = randomBytes(18).toString('base64url');
      post({ type: 'register-save-target', token, target });
      return { token, name: basename(target.path), folder: dirname(target.path) };
    },
    async close() {
      if (stopped === null) {
        stopped = 'The ledger was closed.';
        post({ type: 'close' });
        // The timer must not keep the process alive once the worker has closed.
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      }
      await worker.terminate();
    },
  };
}
