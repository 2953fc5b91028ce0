import { useEffect, useState } from 'react';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import type { IpcError } from '../../../shared/ipc/ipc-error.ts';
import { useLedgerStore } from '../../state/ledger-store.ts';
import { api } from '../../transport/api.ts';
import type { ReportRequestInput } from './report-options.ts';

export type ReportPreviewValue = IpcResponse<'reports/preview'>;

/** Milliseconds the form must rest before a preview is requested, so typing a code is cheap. */
const PREVIEW_DELAY_MS = 350;

export interface PreviewState {
  /** The preview of the current request, or null while it loads or when it failed. */
  readonly preview: ReportPreviewValue | null;
  /**
   * The preview to show: the current one, else the last one received while the next loads,
   * so that the page does not jump with every change of a filter.
   */
  readonly displayed: ReportPreviewValue | null;
  /** The ledger's reason for rejecting the current request, such as an unknown code. */
  readonly error: IpcError | null;
  readonly loading: boolean;
}

interface Answer {
  readonly key: string;
  readonly revision: number;
  readonly preview: ReportPreviewValue | null;
  readonly error: IpcError | null;
}

/**
 * Requests the preview of `request` once the form has rested, again when the ledger changes.
 * Unlike the other pages' queries, a failure is returned for the page to show beside the
 * form, because it is usually a filter the user can fix, not a fault for the error banner.
 */
export function useReportPreview(request: ReportRequestInput | null): PreviewState {
  const revision = useLedgerStore((state) => state.revision);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [lastPreview, setLastPreview] = useState<ReportPreviewValue | null>(null);
  const key = request === null ? null : JSON.stringify(request);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    const timer = window.setTimeout(() => {
      api()
        .invoke('reports/preview', JSON.parse(key) as ReportRequestInput)
        .then((result) => {
          if (!current) return;
          if (result.ok) setLastPreview(result.value);
          setAnswer(
            result.ok
              ? { key, revision, preview: result.value, error: null }
              : { key, revision, preview: null, error: result.error },
          );
        })
        .catch((error: unknown) => {
          // Electron's bridge rejects when the main process throws outside the contract.
          if (!current) return;
          const message = error instanceof Error ? error.message : String(error);
          setAnswer({ key, revision, preview: null, error: { code: 'failed', message } });
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [key, revision]);

  // The response to an earlier request has figures the form no longer requests, so it may be
  // displayed, dimmed, but never saved.
  if (key === null || answer === null || answer.key !== key) {
    if (key === null) return { preview: null, displayed: null, error: null, loading: false };
    return { preview: null, displayed: lastPreview, error: null, loading: true };
  }
  const loading = answer.revision !== revision;
  return { preview: answer.preview, displayed: answer.preview, error: answer.error, loading };
}
