import { stat } from 'node:fs/promises';
import { extname, isAbsolute, resolve } from 'node:path';

/** File name extensions the import wizard accepts, compared in lower case. */
export const importableExtensions = ['.csv', '.txt'] as const;

/** Tells whether `path` ends in an importable extension, whatever its letter case. */
export function hasImportableExtension(path: string): boolean {
  const extension = extname(path).toLowerCase();
  return importableExtensions.some((allowed) => allowed === extension);
}

/**
 * Checks a path that came from the renderer (a dropped file) or the command line before the
 * main process opens it: it must be absolute, end in `.csv` or `.txt`, and name an existing
 * regular file (a symbolic link to one is followed). Returns null when the path is
 * acceptable, otherwise the reason it is not, to show the user.
 */
export async function importablePathProblem(path: unknown): Promise<string | null> {
  if (typeof path !== 'string' || path === '') return 'No file path was given.';
  if (!isAbsolute(path)) return `"${path}" is not an absolute path.`;
  if (!hasImportableExtension(path)) {
    return `"${path}" is not a CSV or text file: only .csv and .txt files can be imported.`;
  }
  try {
    const info = await stat(path);
    if (!info.isFile()) return `"${path}" is not a regular file.`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `"${path}" does not exist.`;
    return `"${path}" cannot be read (${code ?? String(error)}).`;
  }
  return null;
}

/**
 * Finds the file to import among a process's arguments: the last one that is not an option
 * and ends in an importable extension, resolved against the folder the process started in.
 * Chromium adds switches of its own to a second instance's arguments, hence the filter.
 */
export function importPathFromArgs(
  args: readonly string[],
  workingDirectory: string,
): string | null {
  for (let index = args.length - 1; index >= 0; index -= 1) {
    const arg = args[index]!;
    if (arg.startsWith('-') || !hasImportableExtension(arg)) continue;
    return resolve(workingDirectory, arg);
  }
  return null;
}
