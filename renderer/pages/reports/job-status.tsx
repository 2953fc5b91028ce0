import type { JobProgress, JobState } from './use-report-job.ts';

interface JobStatusProps {
  readonly job: JobState;
  /** The unit counted: "rows" for a report, "statements" for a batch. */
  readonly unit: string;
}

/**
 * Shows the progress bar of a running save, then its outcome: the file and folder written, or
 * why nothing was. The outcome is a live region, so screen readers announce it when it arrives.
 */
export function JobStatus({ job, unit }: JobStatusProps) {
  return (
    <div className="report-job">
      {job.status === 'choosing' && <p className="hint">Choosing where to save…</p>}
      {job.status === 'running' && (
        <ProgressBar label={job.task} progress={job.progress} unit={unit} />
      )}
      {job.status === 'done' && (
        <ProgressBar label={job.finished} progress={job.outcome.progress} unit={unit} />
      )}
      <div role="status" aria-live="polite">
        {job.status === 'done' && (
          <p className="notice notice-ok report-job-outcome">{job.outcome.message}</p>
        )}
      </div>
      <div role="alert">
        {job.status === 'failed' && (
          <p className="notice notice-error report-job-outcome">
            {job.task} failed: {job.message}
          </p>
        )}
      </div>
    </div>
  );
}

interface ProgressBarProps {
  readonly label: string;
  readonly progress: JobProgress;
  readonly unit: string;
}

/**
 * Draws a progress bar with two boxes and role=progressbar, because the W3C's ARIA in HTML
 * advises authors against aria-valuemax on a <progress>, which has a max attribute.
 * Without a total the bar is indeterminate: it has no aria-valuenow, and the text gives the
 * count written so far.
 */
function ProgressBar({ label, progress, unit }: ProgressBarProps) {
  const { done, total } = progress;
  const text =
    total === null
      ? `${done.toLocaleString('en-US')} ${unit} written`
      : `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${unit}`;
  let fraction: number | null = null;
  if (total !== null) {
    // An empty report is complete at once: its bar is full rather than empty.
    fraction = total === 0 ? 1 : Math.min(1, done / total);
  }

  return (
    <div className="report-progress">
      <span className="report-progress-label">
        {label}: {text}
      </span>
      <div
        className="report-progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total === null ? undefined : done}
        aria-valuetext={text}
      >
        <div
          className={
            fraction === null ? 'report-progress-fill indeterminate' : 'report-progress-fill'
          }
          style={fraction === null ? undefined : { width: `${(fraction * 100).toFixed(1)}%` }}
        />
      </div>
    </div>
  );
}
