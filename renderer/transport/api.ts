import type { DuedeskApi } from '../../shared/ipc/api.ts';

let current: DuedeskApi | null = null;

/** Sets the transport every store and page uses; called once at start-up. */
export function connectApi(api: DuedeskApi): void {
  current = api;
}

/** Returns the transport chosen at start-up. */
export function api(): DuedeskApi {
  if (current === null) throw new Error('connectApi() must run before the UI calls the API.');
  return current;
}
