import { basename, dirname } from 'node:path';
import { localToday } from '../../shared/calendar-date.ts';
import { IpcFailure } from '../../shared/ipc/ipc-error.ts';
import type { ReportFormat } from '../../shared/reports/report-request.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { openLedger, type Ledger } from '../ledger/database.ts';
import { isLedgerFile } from '../ledger/ledger-files.ts';
import { writeStatements } from '../reports/documents/statement/statement-batch.ts';
import {
  exportReport,
  previewReportRequest,
  ReportRequestError,
} from '../reports/report-export.ts';
import { OutputFileError } from '../reports/output/partial-file.ts';
import { ReportScopeError } from '../reports/report-scope.ts';
import type { LedgerContext } from './ledger-context.ts';

/** Maximum rows per table that the Reports page previews before the report is saved. */
export const PREVIEW_ROW_LIMIT = 100;

/**
 * A place to save that the user chose, known to the renderer only by its token: a file of one
 * format (from a save dialog, or in the loopback host's exports folder), or a folder.
 */
export type SaveTargetEntry =
  | { readonly kind: 'file'; readonly path: string; readonly format: ReportFormat }
  | { readonly kind: 'folder'; readonly path: string };

/** Save targets by token, added by the main thread or the loopback host and removed by a save. */
export type SaveTargets = Map<string, SaveTargetEntry>;

type ReportChannel = 'reports/preview' | 'reports/export' | 'reports/statements';

/**
 * Creates the handlers of the Reports page: the preview, saving a report to a chosen file, and
 * saving the statements of many clients into a chosen folder. Saving reads the ledger through a
 * read-only connection of its own, because rows stream to the file between other requests and
 * a better-sqlite3 connection cannot run another query while one of its iterators is open.
 */
export function reportFileHandlers(
  context: LedgerContext,
  saveTargets: SaveTargets,
): Pick<IpcHandlers, ReportChannel> {
  return {
    'reports/preview': (request) =>
      rejectingReportErrors(() =>
        previewReportRequest(context.reader, request, localToday(), PREVIEW_ROW_LIMIT),
      ),

    'reports/export': async ({ request, format, target, jobId }) => {
      const file = takeSaveTarget(saveTargets, target, 'file');
      if (file.format !== format) {
        throw new IpcFailure(
          'rejected',
          `${basename(file.path)} was chosen for a ${file.format.toUpperCase()} file, not ` +
            `${format.toUpperCase()}: choose where to save the ${format.toUpperCase()} file again.`,
        );
      }
      if (isLedgerFile(file.path, context.path)) {
        throw new IpcFailure(
          'rejected',
          `${file.path} is the ledger itself: choose another file name for the report.`,
        );
      }

      const job = new ProgressRelay(context, jobId);
      const exported = await job.run(
        () =>
          withOwnReader(context, (db) =>
            rejectingReportErrors(() =>
              exportReport(db, request, {
                format,
                outFile: file.path,
                generatedOn: localToday(),
                onProgress: ({ rows, total }) => job.report(rows, total),
              }),
            ),
          ),
        (written) => written.rows,
      );

      return {
        fileName: basename(exported.file),
        folder: dirname(exported.file),
        rows: exported.rows,
        pages: exported.pages,
      };
    },

    'reports/statements': async ({ from, to, format, filters, target, jobId }) => {
      const folder = takeSaveTarget(saveTargets, target, 'folder');

      // The batch takes one client by its code rather than as a filter.
      const { client, ...otherFilters } = filters ?? {};
      const job = new ProgressRelay(context, jobId);
      const result = await job.run(
        () =>
          withOwnReader(context, (db) =>
            rejectingReportErrors(() =>
              writeStatements(db, {
                from,
                to,
                folder: folder.path,
                format,
                generatedOn: localToday(),
                filters: otherFilters,
                ...(client === undefined ? {} : { clientCodes: [client] }),
                onProgress: ({ done, total }) => job.report(done, total),
              }),
            ),
          ),
        (batch) => batch.files.length,
      );

      return { folder: folder.path, files: result.files.length, skipped: result.skipped.length };
    },
  };
}

/**
 * Sends a save job's `reports/progress` events, and the one with `done: true` when the job
 * ends, whether it succeeded or failed, so that the page's progress bar always closes.
 */
class ProgressRelay {
  #rows = 0;
  #total: number | null = null;

  constructor(
    private readonly context: LedgerContext,
    private readonly jobId: string,
  ) {}

  report(rows: number, total: number | null): void {
    this.#rows = rows;
    this.#total = total;
    this.context.emit('reports/progress', { jobId: this.jobId, rows, total, done: false });
  }

  /** Runs `work`. On success, the last event carries the `finished` count of its result. */
  async run<T>(work: () => Promise<T>, finished: (result: T) => number): Promise<T> {
    try {
      const result = await work();
      this.#rows = finished(result);
      this.#total = this.#rows;
      return result;
    } finally {
      const { jobId } = this;
      this.context.emit('reports/progress', {
        jobId,
        rows: this.#rows,
        total: this.#total,
        done: true,
      });
    }
  }
}

/**
 * Removes and returns the save target of `token`. A token is good for one save, so that a
 * page cannot overwrite a file later without the user choosing it again.
 */
function takeSaveTarget<K extends SaveTargetEntry['kind']>(
  saveTargets: SaveTargets,
  token: string,
  kind: K,
): Extract<SaveTargetEntry, { kind: K }> {
  const entry = saveTargets.get(token);
  const noun = kind === 'file' ? 'file' : 'folder';
  if (entry === undefined) {
    throw new IpcFailure(
      'not-found',
      `The chosen ${noun} is unknown or was already used: choose where to save again.`,
    );
  }
  if (entry.kind !== kind) {
    throw new IpcFailure(
      'rejected',
      `The token names a ${entry.kind}, but this save needs a ${noun}: choose a ${noun}.`,
    );
  }
  saveTargets.delete(token);
  return entry as Extract<SaveTargetEntry, { kind: K }>;
}

async function withOwnReader<T>(
  context: LedgerContext,
  work: (db: Ledger) => Promise<T>,
): Promise<T> {
  const db = openLedger(context.path, { readOnly: true });
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** File-system error codes that come from the chosen place, which the user can change. */
const placeErrorCodes = new Set(['EACCES', 'EPERM', 'ENOENT', 'ENOSPC', 'EROFS', 'EISDIR']);

/**
 * Runs report work and turns its expected errors into rejections that the page shows with
 * their message. Expected errors come from a request the ledger cannot serve (a missing date,
 * an unknown client code, a report not built yet) or a place that cannot be written. Any other
 * error stays a bug for the log.
 */
async function rejectingReportErrors<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    // The statement batch wraps a statement's error in one that names the client.
    const causes = [error, error.cause].filter((cause) => cause instanceof Error);
    if (
      causes.some(
        (cause) =>
          cause instanceof ReportRequestError ||
          cause instanceof ReportScopeError ||
          cause instanceof RangeError,
      )
    ) {
      throw new IpcFailure('rejected', error.message);
    }
    // The writers name the file and the next step, so their message goes out unchanged.
    if (causes.some((cause) => cause instanceof OutputFileError)) {
      throw new IpcFailure('rejected', error.message);
    }
    const code = causes.map((cause) => (cause as NodeJS.ErrnoException).code).find(Boolean);
    if (code !== undefined && placeErrorCodes.has(code)) {
      throw new IpcFailure(
        'rejected',
        `The report could not be saved: ${error.message}. Choose another place to save it.`,
      );
    }
    throw error;
  }
}
