import { useState } from 'react';
import type { IsoDate } from '../../../shared/calendar-date.ts';
import type { ReportFilters, ReportFormat } from '../../../shared/reports/report-request.ts';
import { FormField } from '../../components/form-field.tsx';
import { api } from '../../transport/api.ts';
import { JobStatus } from './job-status.tsx';
import { plural } from './save-panel.tsx';
import type { JobState, JobTask } from './use-report-job.ts';

interface StatementBatchPanelProps {
  /** The period of the form, or null while its dates have a problem. */
  readonly period: { readonly from: IsoDate; readonly to: IsoDate } | null;
  /** The form's filters. The client is optional here, and picks one client when set. */
  readonly filters: ReportFilters;
  readonly job: JobState;
  readonly busy: boolean;
  run<T>(task: JobTask<T>): Promise<void>;
}

/**
 * Renders the button that saves one statement per client into a new folder. The clients are
 * those with a balance at the end of the period or records in it, narrowed by the tier,
 * manager and currency filters, or the one client of the client filter.
 */
export function StatementBatchPanel(props: StatementBatchPanelProps) {
  const { period, filters, job, busy, run } = props;
  const [format, setFormat] = useState<ReportFormat>('pdf');

  const start = () => {
    if (period === null) return;
    const { from, to } = period;
    void run({
      task: 'Saving the statements',
      finished: 'Statements saved',
      choose: () => api().chooseFolder({ suggestedName: `statements-${to}` }),
      send: (target, jobId) =>
        api().invoke('reports/statements', {
          from,
          to,
          format,
          filters,
          target: target.token,
          jobId,
        }),
      describe: (saved) => ({
        message:
          `Saved ${plural(saved.files, `${format.toUpperCase()} statement`)} in ` +
          `${saved.folder}. ${skippedText(saved.skipped)}`,
        progress: { done: saved.files, total: saved.files },
      }),
    });
  };

  return (
    <section className="panel report-batch" aria-labelledby="report-batch-heading">
      <h2 id="report-batch-heading">Statements for many clients</h2>
      <p className="hint">
        One statement file per client with a balance at the end of the period or records in it,
        narrowed by the risk tier, account manager and currency filters. With a client code, only
        that client&apos;s statement is saved.
      </p>
      <div className="filter-bar">
        <FormField label="Format of the statements">
          <select
            value={format}
            disabled={busy}
            onChange={(event) => setFormat(event.target.value as ReportFormat)}
          >
            <option value="pdf">PDF</option>
            <option value="csv">CSV</option>
          </select>
        </FormField>
        <button
          type="button"
          className="button-primary"
          disabled={period === null || busy}
          onClick={start}
        >
          Save statements for many clients
        </button>
      </div>
      <JobStatus job={job} unit="statements" />
    </section>
  );
}

function skippedText(skipped: number): string {
  if (skipped === 0) return 'No client was skipped.';
  return (
    `${plural(skipped, 'client')} skipped: nothing to state in the period, or outside the ` +
    'filters.'
  );
}
