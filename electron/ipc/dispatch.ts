import {
  ipcContract,
  isIpcChannel,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
} from '../../shared/ipc/contract.ts';
import { IpcFailure, type IpcResult } from '../../shared/ipc/ipc-error.ts';
import { log } from '../log.ts';

/** One function per channel of the contract, given a validated request. */
export type IpcHandlers = {
  [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResponse<C>> | IpcResponse<C>;
};

/**
 * Validates `payload` against the channel's schema and runs its handler, returning every
 * failure as a value: a bad payload or an unknown channel never reaches a handler and never
 * throws into the transport (Electron's ipcMain or the loopback host).
 */
export async function dispatchIpc(
  handlers: IpcHandlers,
  channel: unknown,
  payload: unknown,
): Promise<IpcResult<unknown>> {
  if (!isIpcChannel(channel)) {
    return {
      ok: false,
      error: { code: 'invalid-request', message: `Unknown channel ${JSON.stringify(channel)}.` },
    };
  }
  const parsed = ipcContract[channel].request.safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`,
    );
    return {
      ok: false,
      error: { code: 'invalid-request', message: `Invalid ${channel} request.`, issues },
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown> | unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof IpcFailure) {
      const issues = error.issues ? { issues: error.issues } : {};
      return { ok: false, error: { code: error.code, message: error.message, ...issues } };
    }
    log.error(`[ipc] ${channel} failed`, error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'failed', message } };
  }
}
