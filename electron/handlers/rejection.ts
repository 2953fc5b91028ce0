import { IpcFailure } from '../../shared/ipc/ipc-error.ts';

/**
 * Runs a change, turning the RangeErrors its checks raise into rejections that the window
 * shows with their message. Any other error stays a bug for the log.
 */
export async function rejectingRangeErrors<T>(write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof RangeError) throw new IpcFailure('rejected', error.message);
    throw error;
  }
}
