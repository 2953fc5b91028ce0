import { IpcFailure } from '../../shared/ipc/ipc-error.ts';

/**
 * Runs a change, turning the RangeErrors its checks raise into rejections that the window
 * shows with their message. Any other error stays a bug for the log.
 */
export async function rejectingRangeErrors<T>(write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw asRejection(error);
  }
}

/** Runs a synchronous change like `rejectingRangeErrors`, returning its result at once. */
export function rejectRangeErrors<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw asRejection(error);
  }
}

function asRejection(error: unknown): unknown {
  return error instanceof RangeError ? new IpcFailure('rejected', error.message) : error;
}
