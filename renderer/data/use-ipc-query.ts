import { useEffect, useState } from 'react';
import type { IpcChannel, IpcRequest, IpcResponse } from '../../shared/ipc/contract.ts';
import { reportError, reportThrown } from '../state/error-store.ts';
import { useLedgerStore } from '../state/ledger-store.ts';
import { api } from '../transport/api.ts';

export interface QueryState<T> {
  /** The latest response; kept while a newer request runs so that views do not flicker. */
  readonly value: T | null;
  readonly loading: boolean;
}

/**
 * Calls a read-only channel and keeps its response, calling again when the request changes or
 * the ledger reports a change. Failures go to the error banner. A null request (inputs not
 * ready yet) makes no call.
 */
export function useIpcQuery<C extends IpcChannel>(
  channel: C,
  request: IpcRequest<C> | null,
): QueryState<IpcResponse<C>> {
  const revision = useLedgerStore((state) => state.revision);
  const [state, setState] = useState<QueryState<IpcResponse<C>>>({ value: null, loading: true });
  // Serialised so that a new object with the same content does not call again.
  const key = request === null ? null : JSON.stringify(request);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((previous) => ({ value: previous.value, loading: true }));
    void api()
      .invoke(channel, JSON.parse(key) as IpcRequest<C>)
      .then((result) => {
        // A response to a request the user has since changed would overwrite the newer one.
        if (!current) return;
        if (result.ok) {
          setState({ value: result.value, loading: false });
        } else {
          reportError(result.error);
          setState((previous) => ({ value: previous.value, loading: false }));
        }
      })
      .catch((error: unknown) => {
        // Electron's bridge rejects when the main process throws outside the contract.
        if (current) setState((previous) => ({ value: previous.value, loading: false }));
        reportThrown(error);
      });
    return () => {
      current = false;
    };
  }, [channel, key, revision]);

  return state;
}
