/**
 * Electron IPC channel names shared by the main process and the preload. The contract's own
 * channels (`ledger/summary`, ...) all travel inside `invoke`, so that the main process
 * registers one handler for them and checks the sender in one place.
 */
export const bridgeChannels = {
  /** Renderer to main: `(channel, payload)` of the IPC contract, returning an IpcResult. */
  invoke: 'duedesk:invoke',
  /** Renderer to main: shows the open dialog for a CSV file; returns a FileRef or null. */
  pickCsv: 'duedesk:pick-csv',
  /** Renderer to main: the path of a file dropped on the window; returns a FileRef. */
  registerDropped: 'duedesk:register-dropped',
  /**
   * Renderer to main: `(options)` with a suggested file name and format; shows the save dialog
   * and returns a SaveTarget or null.
   */
  chooseSaveTarget: 'duedesk:choose-save-target',
  /** Renderer to main: `(options)` with a suggested folder name; shows the folder dialog. */
  chooseFolder: 'duedesk:choose-folder',
  /** Main to renderer: `(name, payload)` of an event in `ipcEvents`. */
  event: 'duedesk:event',
} as const;
