import { z } from 'zod';

/** Messages the main process pushes to the renderer without being asked. */
export const ipcEvents = {
  /** The ledger's contents changed (an import landed, settings changed): reload views. */
  'ledger/changed': z.object({ reason: z.string() }),
  /** How far an import has read its file, from 0 to 1. */
  'import/progress': z.object({ jobId: z.string(), fraction: z.number().min(0).max(1) }),
} as const;

export type IpcEventName = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEventName> = z.infer<(typeof ipcEvents)[E]>;
