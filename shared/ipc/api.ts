import type { IpcChannel, IpcRequest, IpcResponse } from './contract.ts';
import type { IpcEventName, IpcEventPayload } from './events.ts';
import type { IpcResult } from './ipc-error.ts';
import type { z } from 'zod';
import type { fileRef } from './schemas.ts';

export type FileRef = z.infer<typeof fileRef>;

/**
 * The renderer's interface to the main process, whichever transport carries it: Electron's preload bridge or
 * the loopback HTTP host used in development and end-to-end tests.
 */
export interface DuedeskApi {
  invoke<C extends IpcChannel>(
    channel: C,
    request: IpcRequest<C>,
  ): Promise<IpcResult<IpcResponse<C>>>;
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
  /** Lets the user choose a CSV file; null when they cancel. */
  pickCsvFile(): Promise<FileRef | null>;
  /** Hands a file dropped on the window to the main process. */
  registerDroppedFile(file: File): Promise<FileRef>;
}
