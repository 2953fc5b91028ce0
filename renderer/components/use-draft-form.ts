import { useState, type FormEvent } from 'react';
import type { IpcChannel, IpcRequest } from '../../shared/ipc/contract.ts';
import { useFormSave } from './use-form-save.ts';

/** The result of checking a draft: the request to send, or the messages of the bad fields. */
export type CheckedDraft<R, E> =
  | { readonly request: R; readonly errors: null }
  | { readonly request: null; readonly errors: E };

/**
 * Keeps a form's draft, its field messages and its save status, and sends the checked draft
 * with `useFormSave`. Editing a field clears the status of the last save.
 */
export function useDraftForm<D extends object, E extends object>(initial: () => D) {
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<Partial<E>>({});
  const [status, setStatus] = useState('');
  const { formRef, saving, showInvalid, save } = useFormSave();

  const edit = <K extends keyof D>(key: K, value: D[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setStatus('');
  };

  /**
   * Returns the form's submit handler: it checks the draft, shows the bad fields or sends the
   * request on `channel`, and then calls `onSaved` with the draft that was sent.
   */
  const submitWith =
    <C extends IpcChannel>(
      channel: C,
      check: (draft: D) => CheckedDraft<IpcRequest<C>, E>,
      onSaved: (sent: D) => void,
    ) =>
    (event: FormEvent) => {
      event.preventDefault();
      const checked = check(draft);
      setErrors(checked.errors ?? {});
      if (checked.request === null) {
        showInvalid();
        return;
      }
      save(channel, checked.request, () => onSaved(draft));
    };

  return { formRef, saving, draft, setDraft, errors, status, setStatus, edit, submitWith };
}
