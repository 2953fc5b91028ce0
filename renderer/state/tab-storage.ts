import { createJSONStorage } from 'zustand/middleware';

/**
 * Storage for report choices that a reload should keep: sessionStorage, so each browser tab
 * or window keeps its own as-of date and currency, and a new one starts from the defaults.
 * Undefined where the page may not use storage, and the stores then keep their defaults.
 */
export function tabStorage<S>() {
  return createJSONStorage<S>(() => sessionStorage);
}
