import {
  environmentSecretStore,
  type SecretStore,
} from '../../electron/collections/secret-store.ts';
import { createLedgerHandlers } from '../../electron/handlers/ledger-handlers.ts';
import type { Ledger } from '../../electron/ledger/database.ts';

/**
 * Mounts the main process's IPC handlers on a writer and a reader of one ledger file, with no
 * uploaded files or jobs, as a test needs them to call `dispatchIpc`. Events are dropped
 * unless `emit` is given; the SMTP password comes from the environment unless `secrets` is.
 */
export function handlersFor(
  writer: Ledger,
  reader: Ledger,
  path: string,
  emit: Parameters<typeof createLedgerHandlers>[0]['emit'] = () => undefined,
  secrets: SecretStore = environmentSecretStore,
) {
  return createLedgerHandlers({
    writer,
    reader,
    path,
    files: new Map(),
    jobs: new Map(),
    emit,
    secrets,
  });
}
