import type { IpcResult } from '../../shared/ipc/ipc-error.ts';
import type { SaveTargetEntry } from '../handlers/report-file-handlers.ts';

/** Messages between the main thread and the ledger worker thread. */

export interface LedgerWorkerData {
  readonly dbPath: string;
  /**
   * Secret store that encrypts the SMTP password: the main thread when it has the system
   * keychain (the desktop app), otherwise the environment store, which only reads
   * DUEDESK_SMTP_PASSWORD.
   */
  readonly secrets?: 'main-thread' | 'environment';
  /** Flag to run reminder passes on a timer in this thread, which owns the ledger (desktop app). */
  readonly reminders?: boolean;
}

/** Request from the worker to the main thread to encrypt or decrypt the SMTP password. */
export interface SecretRequest {
  readonly type: 'secret-request';
  readonly id: number;
  readonly op: 'encrypt' | 'decrypt';
  readonly value: string | null;
}

/**
 * Response from the main thread. `rejected` is true when the store declined the request, such
 * as when there is no keychain.
 */
export type SecretResponse =
  | {
      readonly type: 'secret-response';
      readonly id: number;
      readonly ok: true;
      value: string | null;
    }
  | {
      readonly type: 'secret-response';
      readonly id: number;
      readonly ok: false;
      readonly rejected: boolean;
      readonly message: string;
    };

export type ToLedgerWorker =
  | { type: 'invoke'; id: number; channel: string; payload: unknown }
  | { type: 'register-file'; token: string; path: string; name: string }
  /** A file or folder the user chose to save reports into, for `reports/export` and others. */
  | { type: 'register-save-target'; token: string; target: SaveTargetEntry }
  | { type: 'close' }
  | SecretResponse;

export type FromLedgerWorker =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; result: IpcResult<unknown> }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'closed' }
  | SecretRequest;
