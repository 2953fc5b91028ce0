import { useRef, useState } from 'react';
import type { IpcChannel, IpcRequest, IpcResponse } from '../../shared/ipc/contract.ts';
import { reportError, reportThrown } from '../state/error-store.ts';
import { api } from '../transport/api.ts';

/**
 * Sends a form's checked values to the main process, or takes the user to the first field to
 * fix. The form gives `formRef` to its element and marks invalid fields with aria-invalid,
 * as FormField does. A refusal from the main process goes to the error banner.
 */
export function useFormSave() {
  const formRef = useRef<HTMLFormElement>(null);
  const [saving, setSaving] = useState(false);

  /** Moves focus to the first field whose message the user has to read. */
  const showInvalid = () => {
    // After React has rendered the messages, so that the field is marked by then.
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  };

  /** Invokes `channel` with `request` and calls `onSaved` with the response when it succeeds. */
  const save = <C extends IpcChannel>(
    channel: C,
    request: IpcRequest<C>,
    onSaved: (value: IpcResponse<C>) => void | Promise<void>,
  ) => {
    setSaving(true);
    api()
      .invoke(channel, request)
      .then(async (result) => {
        if (result.ok) await onSaved(result.value);
        else reportError(result.error);
      })
      .catch(reportThrown)
      .finally(() => setSaving(false));
  };

  return { formRef, saving, showInvalid, save };
}
