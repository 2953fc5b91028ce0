import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveTarget } from '../../../shared/ipc/report-contract.ts';
import type { IpcResult } from '../../../shared/ipc/ipc-error.ts';
import { api } from '../../transport/api.ts';

/** How far a save has written: table rows of a report, or files of a statement batch. */
export interface JobProgress {
  readonly done: number;
  /** Total to reach, or null when the main process cannot count it in advance. */
  readonly total: number | null;
}

/** The message a finished save shows the user, and the progress to leave the bar at. */
export interface JobOutcome {
  readonly message: string;
  readonly progress: JobProgress;
}

export type JobState =
  | { readonly status: 'idle' }
  /** A save dialog is open, or the loopback host is picking a name. */
  | { readonly status: 'choosing'; readonly task: string }
  | {
      readonly status: 'running';
      readonly task: string;
      readonly jobId: string;
      readonly progress: JobProgress;
    }
  | { readonly status: 'done'; readonly finished: string; readonly outcome: JobOutcome }
  | { readonly status: 'failed'; readonly task: string; readonly message: string };

/** One save of the page: where to save, the request that writes there, and its summary. */
export interface JobTask<T> {
  /** The progress bar's label while the save runs: "Saving the CSV file". */
  readonly task: string;
  /** The label of the full bar once the save is done: "CSV file saved". */
  readonly finished: string;
  choose(): Promise<SaveTarget | null>;
  send(target: SaveTarget, jobId: string): Promise<IpcResult<T>>;
  describe(value: T): JobOutcome;
}

/**
 * Runs the page's saves one at a time and follows the `reports/progress` events of the one
 * running. The outcome stays on the page until the next save, because a file written into a
 * folder the user cannot see is only found through the message that names it.
 */
export function useReportJob(): {
  readonly job: JobState;
  readonly busy: boolean;
  run<T>(task: JobTask<T>): Promise<void>;
} {
  const [job, setJob] = useState<JobState>({ status: 'idle' });
  const runningId = useRef<string | null>(null);
  // Set at once, unlike the state, so that a double click cannot start a second save.
  const active = useRef(false);

  useEffect(
    () =>
      api().on('reports/progress', (event) => {
        if (event.jobId !== runningId.current) return;
        setJob((previous) =>
          previous.status === 'running' && previous.jobId === event.jobId
            ? { ...previous, progress: { done: event.rows, total: event.total } }
            : previous,
        );
      }),
    [],
  );

  const run = useCallback(async <T>(task: JobTask<T>): Promise<void> => {
    if (active.current) return;
    active.current = true;
    setJob({ status: 'choosing', task: task.task });
    try {
      const target = await task.choose();
      if (target === null) {
        // The user cancelled the dialog: nothing was saved, and nothing needs saying.
        setJob({ status: 'idle' });
        return;
      }
      const jobId = crypto.randomUUID();
      runningId.current = jobId;
      setJob({ status: 'running', task: task.task, jobId, progress: { done: 0, total: null } });
      const result = await task.send(target, jobId);
      setJob(
        result.ok
          ? { status: 'done', finished: task.finished, outcome: task.describe(result.value) }
          : { status: 'failed', task: task.task, message: result.error.message },
      );
    } catch (error) {
      // chooseSaveTarget rejects a name the platform cannot use, and a transport can reject too.
      const message = error instanceof Error ? error.message : String(error);
      setJob({ status: 'failed', task: task.task, message });
    } finally {
      runningId.current = null;
      active.current = false;
    }
  }, []);

  const busy = job.status === 'choosing' || job.status === 'running';
  return { job, busy, run };
}
