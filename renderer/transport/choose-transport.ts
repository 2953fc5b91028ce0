import type { DuedeskApi } from '../../shared/ipc/api.ts';
import { reportError } from '../state/error-store.ts';
import { createHttpTransport } from './http-transport.ts';

/** Returns the preload's bridge inside Electron, else a client of the loopback HTTP host. */
export function chooseTransport(): DuedeskApi {
  return window.duedesk ?? createHttpTransport(reportError);
}
