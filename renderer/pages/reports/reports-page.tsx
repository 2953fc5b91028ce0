import { useMemo, useState } from 'react';
import { reportEntry } from '../../../shared/reports/report-catalog.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { useAsOfStore } from '../../state/as-of-store.ts';
import { useLedgerStore } from '../../state/ledger-store.ts';
import { ReportOptionsForm, type ClientChoice } from './report-options-form.tsx';
import {
  filtersFor,
  initialOptions,
  optionProblems,
  reportRequestFor,
  shownDates,
  statementBatchPeriod,
  type ReportOptions,
} from './report-options.ts';
import { ReportPicker } from './report-picker.tsx';
import { ReportPreviewArea } from './report-preview-area.tsx';
import { SavePanel } from './save-panel.tsx';
import { StatementBatchPanel } from './statement-batch-panel.tsx';
import { useReportJob } from './use-report-job.ts';
import { useReportPreview } from './use-report-preview.ts';

/**
 * Renders the Reports page. The user chooses a report of the catalog with its dates and
 * filters, reads a preview of its first rows, and saves the whole report as a PDF or CSV file.
 * For statements, the page can also save one file per client into a folder.
 */
export function ReportsPage() {
  const headerAsOf = useAsOfStore((state) => state.asOf);
  const [options, setOptions] = useState<ReportOptions>(initialOptions);
  const entry = reportEntry(options.report);
  const dates = shownDates(options, headerAsOf);
  const problems = optionProblems(options, dates);
  const request = reportRequestFor(options, dates, problems);
  const preview = useReportPreview(request);
  const clients = useClientChoices(headerAsOf);
  const currencies = useLedgerStore((state) => state.summary?.currencies) ?? [];
  const saveJob = useReportJob();
  const batchJob = useReportJob();
  const busy = saveJob.busy || batchJob.busy;
  const change = (patch: Partial<ReportOptions>) =>
    setOptions((previous) => ({ ...previous, ...patch }));

  return (
    <section className="reports-page">
      <PageHeading title="Reports" />
      <p className="lead">
        Choose a report, its dates and filters. The preview shows the first rows of each table; the
        saved PDF or CSV file has every row.
      </p>
      <ReportPicker value={options.report} onChange={(report) => change({ report })} />
      <ReportOptionsForm
        entry={entry}
        options={options}
        dates={dates}
        problems={problems}
        clients={clients}
        currencies={currencies}
        onChange={change}
      />
      <div className="report-actions">
        <SavePanel
          current={
            request !== null && preview.preview !== null
              ? { request, preview: preview.preview }
              : null
          }
          job={saveJob.job}
          busy={busy}
          run={saveJob.run}
        />
        {entry.name === 'statement' && (
          <StatementBatchPanel
            period={statementBatchPeriod(options, dates)}
            filters={filtersFor(options)}
            job={batchJob.job}
            busy={busy}
            run={batchJob.run}
          />
        )}
      </div>
      <ReportPreviewArea formReady={request !== null} state={preview} />
    </section>
  );
}

/** Lists the ledger's clients by code, once each, for the client field's suggestions. */
function useClientChoices(asOf: string): ClientChoice[] {
  const { value } = useIpcQuery('clients/list', { asOf });
  return useMemo(() => {
    const byCode = new Map<string, ClientChoice>();
    // The list has a row per client and currency, and the code is the same in each.
    for (const row of value?.rows ?? []) byCode.set(row.code, { code: row.code, name: row.name });
    return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  }, [value]);
}
