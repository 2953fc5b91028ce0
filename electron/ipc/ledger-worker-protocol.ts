import type { IpcResult } from '../../shared/ipc/ipc-error.ts';

/** Messages between the main thread and the ledger worker thread. */

export interface LedgerWorkerData {
  readonly dbPath: string;
}

export type ToLedgerWorker =
  | { type: 'invoke'; id: number; channel: string; payload: unknown }
  | { type: 'register-file'; token: string; path: string; name: string }
  | { type: 'close' };

export type FromLedgerWorker =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; result: IpcResult<unknown> }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'closed' };
