import { z } from 'zod';

/**
 * Why a request failed, as a value the renderer can show:
 * - `invalid-request`: the payload broke the contract (a bug in the caller);
 * - `not-found`: the client, file or job named does not exist;
 * - `rejected`: the ledger refused the change, and `message` gives the reason;
 * - `failed`: something unexpected broke; the main process logged the details.
 */
export const ipcError = z.object({
  code: z.enum(['invalid-request', 'not-found', 'rejected', 'failed']),
  message: z.string(),
  issues: z.array(z.string()).optional(),
});

export type IpcError = z.infer<typeof ipcError>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/**
 * A failure a handler raises on purpose, returned to the caller with its code and message: `not-found` and
 * `rejected` from handlers, any code when a result crosses from the ledger worker.
 */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}
