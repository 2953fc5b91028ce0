import { create } from 'zustand';
import type { FileRef } from '../../shared/ipc/api.ts';
import type { IpcRequest, IpcResponse } from '../../shared/ipc/contract.ts';
import type { DateOrder, PresetId, RecordKind } from '../pages/import/import-presets.ts';
import { api } from '../transport/api.ts';
import { reportError, reportThrown } from './error-store.ts';

/** Value of a column's mapping that leaves the column out of the import. */
export const IGNORE_COLUMN = 'ignore';

export interface ImportChoices {
  readonly preset: PresetId;
  readonly kind: RecordKind;
  /** Currency of rows that state none; '' leaves it to the file. */
  readonly currency: string;
  /** '' lets the importer detect each date column's order. */
  readonly dateOrder: DateOrder | '';
}

export interface ImportRun {
  readonly jobId: string;
  /** How far the importer has read the file, from 0 to 1. */
  readonly fraction: number;
  readonly cancelling: boolean;
}

interface ImportState {
  readonly file: FileRef | null;
  readonly choices: ImportChoices;
  /** The user's column mappings, which override the preset's. */
  readonly map: readonly { readonly header: string; readonly field: string }[];
  readonly preview: IpcResponse<'import/preview'> | null;
  readonly previewing: boolean;
  readonly run: ImportRun | null;
  readonly result: IpcResponse<'import/run'> | null;
  chooseFile(file: FileRef): void;
  choose<K extends keyof ImportChoices>(key: K, value: ImportChoices[K]): void;
  mapColumn(header: string, field: string): void;
  startImport(): Promise<void>;
  cancelImport(): Promise<void>;
  startOver(): void;
}

const initialChoices: ImportChoices = {
  preset: 'generic',
  kind: 'invoices',
  currency: '',
  dateOrder: '',
};

// Counts preview requests so that a slow response to an older one is dropped.
let previewSequence = 0;

/** Stores the import wizard's state: the file and options, the preview, the running import. */
export const useImportStore = create<ImportState>()((set, get) => {
  const request = (): IpcRequest<'import/preview'> | null => {
    const { file, choices, map } = get();
    if (file === null) return null;
    return {
      file: { token: file.token },
      preset: choices.preset,
      kind: choices.kind,
      ...(choices.currency === '' ? {} : { currency: choices.currency }),
      ...(choices.dateOrder === '' ? {} : { dateOrder: choices.dateOrder }),
      map: [...map],
    };
  };

  const refreshPreview = async () => {
    const payload = request();
    if (payload === null) return;
    const sequence = ++previewSequence;
    set({ previewing: true, result: null });
    try {
      const result = await api().invoke('import/preview', payload);
      if (sequence !== previewSequence) return;
      if (result.ok) set({ preview: result.value });
      else reportError(result.error);
    } finally {
      if (sequence === previewSequence) set({ previewing: false });
    }
  };

  return {
    file: null,
    choices: initialChoices,
    map: [],
    preview: null,
    previewing: false,
    run: null,
    result: null,

    chooseFile(file) {
      set({ file, map: [], preview: null, result: null });
      void refreshPreview().catch(reportThrown);
    },

    choose(key, value) {
      set((state) => ({ choices: { ...state.choices, [key]: value } }));
      void refreshPreview().catch(reportThrown);
    },

    mapColumn(header, field) {
      set((state) => ({
        map: [...state.map.filter((entry) => entry.header !== header), { header, field }],
      }));
      void refreshPreview().catch(reportThrown);
    },

    async startImport() {
      const payload = request();
      if (payload === null || get().run !== null) return;
      const jobId = crypto.randomUUID();
      set({ run: { jobId, fraction: 0, cancelling: false }, result: null });
      const stopListening = api().on('import/progress', (progress) => {
        const run = get().run;
        if (run !== null && progress.jobId === run.jobId) {
          set({ run: { ...run, fraction: progress.fraction } });
        }
      });
      try {
        const result = await api().invoke('import/run', { ...payload, jobId, dryRun: false });
        if (result.ok) set({ result: result.value });
        else reportError(result.error);
      } finally {
        stopListening();
        set({ run: null });
      }
    },

    async cancelImport() {
      const run = get().run;
      if (run === null || run.cancelling) return;
      set({ run: { ...run, cancelling: true } });
      const result = await api().invoke('import/cancel', { jobId: run.jobId });
      if (!result.ok) reportError(result.error);
    },

    startOver() {
      previewSequence++;
      set({ file: null, map: [], preview: null, previewing: false, result: null });
    },
  };
});
