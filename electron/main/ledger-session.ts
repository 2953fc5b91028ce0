import { basename } from 'node:path';
import type { FileRef } from '../../shared/ipc/api.ts';
import type { SaveTarget } from '../../shared/ipc/report-contract.ts';
import type { SaveTargetEntry } from '../handlers/report-file-handlers.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { log } from '../log.ts';

/** The parts of the ledger worker client that the desktop app uses. */
export interface LedgerWorker {
  readonly handlers: IpcHandlers;
  /** Settles once the worker has opened the ledger, or failed to. */
  readonly ready: Promise<void>;
  registerFile(path: string, name: string): FileRef;
  /** Optional so that stand-ins of the worker in tests that never save need not have it. */
  registerSaveTarget?(target: SaveTargetEntry): SaveTarget;
  close(): Promise<void>;
}

/** Receives the events the ledger worker emits, such as `ledger/changed`. */
export type LedgerEventSink = (name: string, payload: unknown) => void;

/** Starts a worker on a ledger file: `startLedgerWorker` in the app, a fake in tests. */
export type StartLedgerWorker = (options: {
  dbPath: string;
  onEvent: LedgerEventSink;
}) => LedgerWorker | Promise<LedgerWorker>;

/**
 * The ledger the window works on, run by one worker thread at a time. Switching ledgers
 * starts the new worker before closing the old one, so a ledger that fails to open leaves
 * the current one in use. Requests that arrive during a switch wait for it to finish.
 */
export class LedgerSession {
  #worker: LedgerWorker | null = null;
  #path: string | null = null;
  #switching: Promise<void> = Promise.resolve();

  constructor(
    private readonly startWorker: StartLedgerWorker,
    private readonly onEvent: LedgerEventSink,
  ) {}

  /** The path of the open ledger; null before the first `open` and after `close`. */
  get path(): string | null {
    return this.#path;
  }

  /** Opens the ledger at `path` (creating it when missing) in place of the current one. */
  open(path: string): Promise<void> {
    const next = this.#switching.then(async () => {
      if (path === this.#path) return;
      const worker = await this.startWorker({ dbPath: path, onEvent: this.onEvent });
      try {
        await worker.ready;
      } catch (error) {
        await closeQuietly(worker);
        throw error;
      }
      const previous = this.#worker;
      this.#worker = worker;
      this.#path = path;
      log.info(`[ledger] opened ${path}`);
      if (previous) await closeQuietly(previous);
    });
    // A failed switch must not block the switches and requests queued after it.
    this.#switching = next.catch(() => undefined);
    return next;
  }

  /** Returns the handlers of the open ledger once any switch under way has finished. */
  async handlers(): Promise<IpcHandlers> {
    return (await this.#current()).handlers;
  }

  /** Makes the file at `path` known to the ledger worker and returns its token for the UI. */
  async registerFile(path: string): Promise<FileRef> {
    return (await this.#current()).registerFile(path, basename(path));
  }

  /**
   * Makes a file or folder the user chose in a save or folder dialog known to the ledger
   * worker, and returns its token for the UI.
   */
  async registerSaveTarget(target: SaveTargetEntry): Promise<SaveTarget> {
    const worker = await this.#current();
    if (!worker.registerSaveTarget) {
      throw new Error('This ledger worker cannot save reports: start it with startLedgerWorker.');
    }
    return worker.registerSaveTarget(target);
  }

  /** Stops the worker; called once, when the app quits. */
  async close(): Promise<void> {
    await this.#switching;
    const worker = this.#worker;
    this.#worker = null;
    this.#path = null;
    if (worker) await closeQuietly(worker);
  }

  async #current(): Promise<LedgerWorker> {
    await this.#switching;
    if (!this.#worker) throw new Error('No ledger is open.');
    return this.#worker;
  }
}

async function closeQuietly(worker: LedgerWorker): Promise<void> {
  try {
    await worker.close();
  } catch (error) {
    log.error('[ledger] closing the ledger worker failed', error);
  }
}
