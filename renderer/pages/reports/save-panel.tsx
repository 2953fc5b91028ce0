import type { ReportFormat } from '../../../shared/reports/report-request.ts';
import { api } from '../../transport/api.ts';
import { JobStatus } from './job-status.tsx';
import type { ReportRequestInput } from './report-options.ts';
import type { JobState, JobTask } from './use-report-job.ts';
import type { ReportPreviewValue } from './use-report-preview.ts';

interface SavePanelProps {
  /** The request and preview shown, or null while there is no current preview to save. */
  readonly current: { request: ReportRequestInput; preview: ReportPreviewValue } | null;
  readonly job: JobState;
  readonly busy: boolean;
  run<T>(task: JobTask<T>): Promise<void>;
}

/**
 * Renders the buttons that save the previewed report as a PDF or CSV file. The platform
 * chooses the file: a save dialog, or a new name in the loopback host's exports folder. The
 * ledger then writes the whole report there, not only the rows of the preview.
 */
export function SavePanel({ current, job, busy, run }: SavePanelProps) {
  const save = (format: ReportFormat) => {
    if (current === null) return;
    const { request, preview } = current;
    const label = format.toUpperCase();
    void run({
      task: `Saving the ${label} file`,
      finished: `${label} file saved`,
      choose: () =>
        api().chooseSaveTarget({ suggestedName: `${preview.fileStem}.${format}`, format }),
      send: (target, jobId) =>
        api().invoke('reports/export', { request, format, target: target.token, jobId }),
      describe: (saved) => ({
        message:
          `Saved ${saved.fileName} in ${saved.folder}: ` +
          (saved.pages === null
            ? `${plural(saved.rows, 'row')}.`
            : `${plural(saved.pages, 'page')}, ${plural(saved.rows, 'table row')}.`),
        progress: { done: saved.rows, total: saved.rows },
      }),
    });
  };

  return (
    <section className="panel report-save" aria-labelledby="report-save-heading">
      <h2 id="report-save-heading">Save the report</h2>
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          disabled={current === null || busy}
          onClick={() => save('pdf')}
        >
          Save as PDF
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={current === null || busy}
          onClick={() => save('csv')}
        >
          Save as CSV
        </button>
        {current === null && !busy && (
          <span className="hint">The buttons wait for the preview of these options.</span>
        )}
      </div>
      {current !== null && current.preview.csvColumns.length > 0 && (
        <p className="hint report-csv-columns">
          The CSV file has one row per record with the columns{' '}
          {current.preview.csvColumns.join(', ')}. Totals are left out so that the columns add up.
        </p>
      )}
      <JobStatus job={job} unit="rows" />
    </section>
  );
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
