import type { IpcRequest } from '../../shared/ipc/contract.ts';
import { IpcFailure } from '../../shared/ipc/ipc-error.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { parseColumnOverride } from '../import/column-mapping.ts';
import { importFile, type ImportOptions } from '../import/import-file.ts';
import { previewImport } from '../import/import-preview.ts';
import type { LedgerContext } from './ledger-context.ts';

type ImportRequest = IpcRequest<'import/preview'>;

/** Handlers of the import wizard: preview a file, import it with progress, cancel. */
export function importHandlers(
  context: LedgerContext,
): Pick<IpcHandlers, 'import/preview' | 'import/run' | 'import/cancel'> {
  return {
    'import/preview': async (request) => {
      const preview = await previewImport(filePath(context, request), importOptions(request));
      return {
        encoding: preview.encoding,
        delimiter: preview.delimiter,
        headerLine: preview.layout?.headerLine ?? 0,
        header: [...(preview.layout?.header ?? [])],
        columns: { ...(preview.layout?.columns ?? {}) },
        fields: preview.fields,
        sampleRows: preview.sampleRows,
        problems: preview.problems,
      };
    },

    'import/run': async (request) => {
      if (context.jobs.has(request.jobId)) {
        throw new IpcFailure('rejected', `Import job ${request.jobId} is already running.`);
      }
      const controller = new AbortController();
      context.jobs.set(request.jobId, controller);
      let lastSent = -1;
      try {
        const result = await importFile(context.writer, filePath(context, request), {
          ...importOptions(request),
          dryRun: request.dryRun,
          signal: controller.signal,
          onProgress: (fraction) => {
            // A million-row file reports progress thousands of times; the bar needs ~100 steps.
            if (fraction - lastSent < 0.01 && fraction < 1) return;
            lastSent = fraction;
            context.emit('import/progress', { jobId: request.jobId, fraction });
          },
        });
        if (result.status === 'imported') context.emit('ledger/changed', { reason: 'import' });
        return {
          status: result.status,
          batchId: result.batchId,
          rowsRead: result.rowsRead,
          counts: result.counts,
          skipped: { ...result.skipped },
          errors: [...result.errors],
          errorCount: result.errorCount,
          creditLimitWarnings: [...result.creditLimitWarnings],
        };
      } finally {
        context.jobs.delete(request.jobId);
      }
    },

    'import/cancel': ({ jobId }) => {
      const job = context.jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
  };
}

function filePath(context: LedgerContext, request: ImportRequest): string {
  const file = context.files.get(request.file.token);
  if (!file) {
    throw new IpcFailure('not-found', 'The chosen file is no longer available: choose it again.');
  }
  return file.path;
}

function importOptions(request: ImportRequest): ImportOptions {
  let map;
  try {
    map = request.map.map((entry) => parseColumnOverride(`${entry.header}=${entry.field}`));
  } catch (error) {
    throw new IpcFailure('rejected', (error as Error).message);
  }
  return {
    preset: request.preset,
    kind: request.kind,
    map,
    ...(request.currency ? { currency: request.currency } : {}),
    ...(request.dateOrder ? { dateOrder: request.dateOrder } : {}),
  };
}
