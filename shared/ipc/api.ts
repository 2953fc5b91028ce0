import type { IpcChannel, IpcRequest, IpcResponse } from './contract.ts';
import type { IpcEventName, IpcEventPayload } from './events.ts';
import type { IpcResult } from './ipc-error.ts';
import type { z } from 'zod';
import type { fileRef } from './schemas.ts';
import type { SaveFileOptions, SaveFolderOptions, SaveTarget } from './report-contract.ts';

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
  /**
   * Asks the platform where to save a report file: a save dialog in the desktop app, a file in
   * the exports folder of the loopback host. Null when the user cancels; rejects when the
   * suggested name is not a plain file name with the format's extension.
   */
  chooseSaveTarget(options: SaveFileOptions): Promise<SaveTarget | null>;
  /**
   * Asks the platform for a folder to save many files in: a folder dialog in the desktop app, a
   * new folder in the loopback host's exports folder. Null when the user cancels.
   */
  chooseFolder(options: SaveFolderOptions): Promise<SaveTarget | null>;
}
