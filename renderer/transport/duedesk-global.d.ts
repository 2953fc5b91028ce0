import type { DuedeskApi } from '../../shared/ipc/api.ts';

declare global {
  interface Window {
    /** Set by Electron's preload script through contextBridge; absent in a plain browser. */
    readonly duedesk?: DuedeskApi;
  }
}
