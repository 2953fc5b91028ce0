/**
 * Writes an output file so that it appears complete or not at all: the bytes go to a temporary
 * file beside it, which is renamed over the out file when complete and removed on failure.
 *
 * Each write gets its own temporary name, opened with 'wx' (create, fail if the path exists),
 * so two exports to the same file never write into one temporary file, and a symlink planted at
 * a predictable name is never followed. Two concurrent writes to one out file leave the file of
 * whichever renamed last, whole.
 */

import { randomBytes } from 'node:crypto';
import { rmSync, type WriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { log } from '../../log.ts';

export interface PartialFile {
  /** The temporary file's path, in the out file's folder. */
  readonly path: string;
  /** Writes into the temporary file, which is synced and closed when the stream finishes. */
  readonly stream: WriteStream;
  /** Renames the temporary file over the out file. Call it after `stream` has finished. */
  commit(): Promise<void>;
  /**
   * Removes the temporary file after `error` and returns the error to throw: an
   * `OutputFileError` for a failed write to the file, else `error` itself. A failure to remove
   * the file is logged, never thrown, so that it cannot hide `error`.
   */
  discard(error: unknown): Promise<unknown>;
}

/**
 * A failed write of an output file, with a message that names the file and the next step.
 * `code` is the system error's code (ENOENT, ENOSPC...) and `cause` the system error.
 */
export class OutputFileError extends Error {
  override readonly name = 'OutputFileError';

  constructor(
    message: string,
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** Temporary files open in this process, for `removeOpenPartialFiles`. */
const openPartials = new Set<string>();

/**
 * Removes the temporary files still being written, at once. For a process stopping on a
 * signal: its writes will never finish, and their files would stay behind.
 */
export function removeOpenPartialFiles(): void {
  for (const path of openPartials) rmSync(path, { force: true });
  openPartials.clear();
}

/** System calls on the temporary file's descriptor, whose errors come from the out file. */
const FILE_SYSCALLS = new Set(['write', 'writev', 'fsync', 'fdatasync', 'close']);

/**
 * Creates a new temporary file beside `outFile` and a write stream into it.
 * Throws an `OutputFileError` when the folder cannot be written.
 */
export async function openPartialFile(outFile: string): Promise<PartialFile> {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const path = `${outFile}.${suffix}.partial`;
  const handle = await open(path, 'wx').catch((error: unknown) => {
    throw outputFileError(error, outFile);
  });
  openPartials.add(path);
  // `flush` syncs the file before closing it, so that the renamed file survives a crash.
  const stream = handle.createWriteStream({ flush: true });
  const streamErrors = new WeakSet<object>();
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // A pipeline also destroys this stream with its source's error, which is not a file error.
    if (error.syscall !== undefined && FILE_SYSCALLS.has(error.syscall)) streamErrors.add(error);
  });

  return {
    path,
    stream,
    async commit() {
      try {
        await rename(path, outFile);
        openPartials.delete(path);
      } catch (error) {
        throw outputFileError(error, outFile);
      }
    },
    async discard(error) {
      // Closed first because Windows keeps the name of a removed file until it is closed.
      if (!stream.closed) {
        const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
        stream.destroy();
        await closed;
      }
      openPartials.delete(path);
      try {
        await rm(path, { force: true });
      } catch (rmError) {
        log.warn(`[reports] could not remove the temporary file ${path}`, rmError);
      }
      const fromFile = error instanceof Object && streamErrors.has(error);
      return fromFile ? outputFileError(error, outFile) : error;
    },
  };
}

/**
 * Turns a system error from writing `outFile` into an `OutputFileError` whose message gives the
 * reason and the next step. Other errors, and system errors of other codes, are returned as is.
 */
export function outputFileError(error: unknown, outFile: string): unknown {
  if (error instanceof OutputFileError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const advice = code === undefined ? undefined : placeAdvice(code, dirname(outFile));
  if (code === undefined || advice === undefined) return error;
  return new OutputFileError(`Cannot write ${outFile}: ${advice}`, code, { cause: error });
}

/** Returns why a write failed with `code` and what to do next, or undefined for other codes. */
function placeAdvice(code: string, folder: string): string | undefined {
  switch (code) {
    case 'ENOENT':
      return `the folder ${folder} does not exist (ENOENT). Create it or choose another folder.`;
    case 'ENOTDIR':
      return (
        `the folder path ${folder} runs through a file, not a folder (ENOTDIR). ` +
        'Choose another folder.'
      );
    case 'EACCES':
      return `permission denied in the folder ${folder} (EACCES). Choose another folder.`;
    case 'EPERM':
      return (
        'the operation is not permitted (EPERM), for example because another program has ' +
        'the file open. Close it there or choose another file name.'
      );
    case 'EROFS':
      return `the folder ${folder} is on a read-only file system (EROFS). Choose another folder.`;
    case 'ENOSPC':
      return 'no space left on the device (ENOSPC). Free some space or choose another place.';
    case 'EISDIR':
      return 'that path is a folder (EISDIR). Choose a file name instead.';
    default:
      return undefined;
  }
}
