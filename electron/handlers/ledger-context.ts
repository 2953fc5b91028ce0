import type { IpcEventName, IpcEventPayload } from '../../shared/ipc/events.ts';
import type { SecretStore } from '../collections/secret-store.ts';
import type { Ledger } from '../ledger/database.ts';

/** A file the user chose, known to the renderer only by its token. */
export interface RegisteredFile {
  readonly path: string;
  readonly name: string;
}

/** Ledger connections, chosen files, running jobs and the event sink of the IPC handlers. */
export interface LedgerContext {
  /** The connection that writes: imports and settings. */
  readonly writer: Ledger;
  /**
   * A second connection for queries. In WAL mode it reads only committed data, so a view
   * refreshed during an import never shows half of it.
   */
  readonly reader: Ledger;
  readonly path: string;
  readonly files: Map<string, RegisteredFile>;
  /** Running imports by job id, so that `import/cancel` can stop one. */
  readonly jobs: Map<string, AbortController>;
  /** Encrypts the SMTP password for the ledger and decrypts it to send mail. */
  readonly secrets: SecretStore;
  emit<E extends IpcEventName>(event: E, payload: IpcEventPayload<E>): void;
}
