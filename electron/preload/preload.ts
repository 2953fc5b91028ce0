import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createDuedeskApi } from './duedesk-api.ts';

// A sandboxed preload can require only 'electron' and a few of Node's modules, so the build
// bundles this file and everything it imports into one CommonJS file.
contextBridge.exposeInMainWorld(
  'duedesk',
  createDuedeskApi(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
