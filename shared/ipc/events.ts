import { z } from 'zod';
import { fileRef } from './schemas.ts';

/** Messages the main process pushes to the renderer without being asked. */
export const ipcEvents = {
  /** The ledger's contents changed (an import landed, settings changed): reload views. */
  'ledger/changed': z.object({ reason: z.string() }),
  /** How far an import has read its file, from 0 to 1. */
  'import/progress': z.object({ jobId: z.string(), fraction: z.number().min(0).max(1) }),
  /** The user asked to import (menu, or a CSV given to the app): open the import wizard. */
  'import/open': z.object({ file: fileRef.nullable() }),
  /**
   * How far a report export has written: table rows for a report, statements for a batch of
   * statements. `total` is null when not known in advance; `done` comes once, at the end.
   */
  'reports/progress': z.object({
    jobId: z.string(),
    rows: z.number().int().nonnegative(),
    total: z.number().int().nonnegative().nullable(),
    done: z.boolean(),
  }),
} as const;

export type IpcEventName = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEventName> = z.infer<(typeof ipcEvents)[E]>;
