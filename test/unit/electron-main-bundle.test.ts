import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/main/security-policy.ts';
import { bundleMainAndWorker, bundlePreload } from '../../scripts/electron-bundles.ts';

/**
 * Runs the bundled main process (dist/app/main.mjs as the build makes it) under plain Node,
 * with a stand-in for the 'electron' module, because Electron's binary cannot run on the
 * test machines. The stand-in records each call the app makes to Electron and, once the window
 * loads, plays the renderer's part: it calls the IPC handlers, fires navigation events and
 * quits. The ledger worker and SQLite are real.
 */

const root = resolve(import.meta.dirname, '../..');
// Inside the repository so that the bundle finds better-sqlite3 in its node_modules.
const artifacts = join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });
const work = mkdtempSync(join(artifacts, 'electron-main-'));
const appDir = join(work, 'app');
const home = join(work, 'home');
const csvPath = join(work, 'import.csv');

// The stand-in is plain JavaScript, written to a file and loaded by the child process.
const fakeElectron = String.raw`
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

const report = { ipcChannels: [], sent: [], quitCalls: 0 };
const handlers = new Map();
const sessionHandlers = {};
let mainWindow = null;
let menuTemplate = null;

function finish() {
  console.log('SMOKE-REPORT ' + JSON.stringify(report));
  process.exit(0);
}

function settle(promise) {
  return promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (error) => ({ status: 'rejected', reason: String(error && error.message) }),
  );
}

function navigationEvent(url) {
  return { url, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  paths = new Map();
  ready = false;
  setName(name) { report.name = name; }
  getName() { return report.name ?? 'duedesk'; }
  getVersion() { return '0.1.0'; }
  setPath(name, value) { this.paths.set(name, value); }
  getPath(name) { return this.paths.get(name) ?? process.env.SMOKE_DOCUMENTS; }
  enableSandbox() { report.sandboxEnabled = true; }
  requestSingleInstanceLock() { return true; }
  whenReady() { this.ready = true; return Promise.resolve(); }
  isReady() { return this.ready; }
  setAboutPanelOptions() {}
  showAboutPanel() {}
  exit(code) { report.exitCode = code; finish(); }
  quit() {
    report.quitCalls += 1;
    const event = navigationEvent('');
    this.emit('before-quit', event);
    this.emit('will-quit', event);
    if (report.quitCalls === 1) report.firstQuitDeferred = event.defaultPrevented;
    if (!event.defaultPrevented) finish();
  }
}
export const app = new FakeApp();

class FakeWebContents extends EventEmitter {
  isDestroyed() { return false; }
  send(...args) { report.sent.push(args); }
  setWindowOpenHandler(handler) { this.windowOpenHandler = handler; }
}

export class BrowserWindow extends EventEmitter {
  static windows = [];
  static getAllWindows() { return BrowserWindow.windows; }
  static fromWebContents(contents) {
    return BrowserWindow.windows.find((window) => window.webContents === contents) ?? null;
  }
  constructor(options) {
    super();
    report.windowOptions = options;
    this.webContents = new FakeWebContents();
    BrowserWindow.windows.push(this);
    mainWindow = this;
    app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed() { return false; }
  isMinimized() { return false; }
  focus() {}
  restore() {}
  show() { report.shown = true; }
  setTitle(title) { report.title = title; }
  setRepresentedFilename() {}
  loadFile(path) {
    report.loadedFile = path;
    setImmediate(() => runRenderer().catch((error) => {
      report.rendererError = String(error && error.stack);
      finish();
    }));
    return Promise.resolve();
  }
}

export const ipcMain = {
  handle(channel, handler) { report.ipcChannels.push(channel); handlers.set(channel, handler); },
};

export const session = {
  defaultSession: {
    webRequest: { onHeadersReceived(listener) { sessionHandlers.headers = listener; } },
    setPermissionRequestHandler(handler) { sessionHandlers.request = handler; },
    setPermissionCheckHandler(handler) { sessionHandlers.check = handler; },
    setDevicePermissionHandler(handler) { sessionHandlers.device = handler; },
  },
};

export const Menu = {
  buildFromTemplate(template) { return { template }; },
  setApplicationMenu(menu) { menuTemplate = menu.template; },
};

export const nativeTheme = { shouldUseDarkColors: false };

// No keychain here: the app must start all the same and refuse only to save a password.
export const safeStorage = {
  async isAsyncEncryptionAvailable() { return false; },
  getSelectedStorageBackend() { return 'unknown'; },
};

export const dialog = {
  showErrorBox(title, detail) { report.errorBox = title + ': ' + detail; },
  async showMessageBox(_window, options) { report.messageBox = options; return { response: 0 }; },
  async showOpenDialog() { return { canceled: true, filePaths: [] }; },
  // The user types "aging" without an extension; the app must add ".csv".
  async showSaveDialog(_window, options) {
    report.saveDialog = { title: options.title, defaultPath: options.defaultPath };
    return { canceled: false, filePath: process.env.SMOKE_SAVE };
  },
};

async function runRenderer() {
  const appUrl = pathToFileURL(report.loadedFile).href;
  const contents = mainWindow.webContents;
  const trusted = { sender: contents, senderFrame: { url: appUrl + '#/dashboard', parent: null } };
  const foreign = { sender: contents, senderFrame: { url: 'https://example.com/', parent: null } };
  const invoke = handlers.get('duedesk:invoke');
  report.summary = await invoke(trusted, 'ledger/summary', {});
  report.foreignSender = await invoke(foreign, 'ledger/summary', {});
  report.unknownChannel = await invoke(trusted, 'ledger/drop', {});
  report.invalidPayload = await invoke(trusted, 'ledger/summary', { extra: 1 });
  report.settings = await invoke(trusted, 'settings/update', { homeCurrency: 'EUR' });

  const dropped = handlers.get('duedesk:register-dropped');
  report.droppedCsv = await settle(dropped(trusted, process.env.SMOKE_CSV));
  report.droppedProgram = await settle(dropped(trusted, process.execPath));
  report.droppedForeign = await settle(dropped(foreign, process.env.SMOKE_CSV));
  report.pickForeign = await settle(handlers.get('duedesk:pick-csv')(foreign));
  report.pickCancelled = await settle(handlers.get('duedesk:pick-csv')(trusted));

  const chooseSave = handlers.get('duedesk:choose-save-target');
  const saveOptions = { suggestedName: 'aging-summary-2026-12-04.csv', format: 'csv' };
  report.saveForeign = await settle(chooseSave(foreign, saveOptions));
  report.saveBadName = await settle(chooseSave(trusted, { suggestedName: '../x.csv', format: 'csv' }));
  report.saveTarget = await chooseSave(trusted, saveOptions);
  const exportRequest = {
    request: { report: 'aging-summary', asOf: '2026-12-04' },
    format: 'csv',
    target: report.saveTarget.token,
    jobId: '3f0c6a52-8d1e-4f4a-9a55-2f7f3c0d9e11',
  };
  report.exported = await invoke(trusted, 'reports/export', exportRequest);
  report.exportedAgain = await invoke(trusted, 'reports/export', exportRequest);

  report.headers = await new Promise((resolve) =>
    sessionHandlers.headers(
      {
        url: appUrl,
        responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] },
      },
      resolve,
    ),
  );
  report.permissionRequest = await new Promise((resolve) =>
    sessionHandlers.request(contents, 'media', resolve, {}),
  );
  report.permissionCheck = sessionHandlers.check(contents, 'clipboard-read', appUrl, {});
  report.devicePermission = sessionHandlers.device({ deviceType: 'hid' });

  const prevented = (name, url) => {
    const event = navigationEvent(url);
    contents.emit(name, event);
    return event.defaultPrevented;
  };
  report.navigation = {
    external: prevented('will-navigate', 'https://example.com/'),
    ownHashRoute: prevented('will-navigate', appUrl + '#/clients'),
    otherFile: prevented('will-navigate', pathToFileURL('/etc/passwd').href),
    frameExternal: prevented('will-frame-navigate', 'https://example.com/'),
    redirectExternal: prevented('will-redirect', 'https://example.com/'),
    webview: prevented('will-attach-webview', ''),
  };
  report.windowOpen = contents.windowOpenHandler({ url: 'https://example.com/' });

  mainWindow.emit('ready-to-show');
  const titleEvent = navigationEvent('');
  mainWindow.emit('page-title-updated', titleEvent, 'Page title', true);
  report.pageTitleBlocked = titleEvent.defaultPrevented;
  report.menu = menuTemplate.map((menu) => menu.label ?? menu.role);

  // Lets the worker's events reach the window before quitting.
  await new Promise((resolve) => setTimeout(resolve, 100));
  app.quit();
}
`;

const fakeElectronUrl = pathToFileURL(join(work, 'fake-electron.mjs')).href;
const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') {
    return { url: ${JSON.stringify(fakeElectronUrl)}, shortCircuit: true };
  }
  return next(specifier, context);
}
`;

const registerHooks = `
import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(join(work, 'hooks.mjs')).href)});
`;

// The child's report is JSON whose shape the assertions below spell out.
let report: Record<string, any> = {};
let output = '';

beforeAll(async () => {
  await bundleMainAndWorker(root, appDir);
  await bundlePreload(root, appDir);
  writeFileSync(join(work, 'fake-electron.mjs'), fakeElectron);
  writeFileSync(join(work, 'hooks.mjs'), hooks);
  writeFileSync(join(work, 'register.mjs'), registerHooks);
  writeFileSync(csvPath, 'invoice_number,amount\nA-1,10.00\n');
  const result = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(work, 'register.mjs')).href, join(appDir, 'main.mjs')],
    {
      cwd: work,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        DUEDESK_HOME: home,
        SMOKE_CSV: csvPath,
        SMOKE_DOCUMENTS: join(work, 'documents'),
        SMOKE_SAVE: join(work, 'aging'),
      },
    },
  );
  output = `${result.stdout}\n${result.stderr}`;
  const line = result.stdout.split('\n').find((text) => text.startsWith('SMOKE-REPORT '));
  if (!line) throw new Error(`The bundled main process wrote no report:\n${output}`);
  report = JSON.parse(line.slice('SMOKE-REPORT '.length));
}, 90_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('bundled main process start-up', () => {
  it('starts without an error', () => {
    expect(report.rendererError, output).toBeUndefined();
    expect(report.errorBox, output).toBeUndefined();
    expect(report.exitCode, output).toBeUndefined();
  });

  it('uses the data folder the CLI uses', () => {
    expect(report.name).toBe('Duedesk');
    expect(report.sandboxEnabled).toBe(true);
    expect(existsSync(join(home, 'ledger.sqlite'))).toBe(true);
  });

  it('creates a hardened, hidden window', () => {
    expect(report.windowOptions.show).toBe(false);
    expect(report.windowOptions.width).toBe(1280);
    expect(report.windowOptions.height).toBe(800);
    expect(report.windowOptions.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      preload: join(appDir, 'preload.cjs'),
    });
  });

  it('loads the built renderer next to the app folder', () => {
    expect(report.loadedFile).toBe(join(work, 'renderer', 'index.html'));
  });

  it('shows the window once ready and keeps its own title', () => {
    expect(report.shown).toBe(true);
    expect(report.title).toBe('ledger.sqlite — Duedesk');
    expect(report.pageTitleBlocked).toBe(true);
  });

  it('installs the menu', () => {
    const expected = process.platform === 'darwin' ? 'File' : '&File';
    expect(report.menu).toContain(expected);
  });
});

describe('bundled main process IPC', () => {
  it('registers the five bridge channels', () => {
    expect(report.ipcChannels.sort()).toEqual([
      'duedesk:choose-folder',
      'duedesk:choose-save-target',
      'duedesk:invoke',
      'duedesk:pick-csv',
      'duedesk:register-dropped',
    ]);
  });

  it('saves a report where the save dialog says, adding the extension', () => {
    expect(report.saveDialog).toEqual({
      title: 'Save the report as CSV',
      defaultPath: join(work, 'documents', 'aging-summary-2026-12-04.csv'),
    });
    expect(report.saveTarget).toMatchObject({ name: 'aging.csv', folder: work });
    expect(report.exported).toEqual({
      ok: true,
      value: { fileName: 'aging.csv', folder: work, rows: 0, pages: null },
    });
    const csv = readFileSync(join(work, 'aging.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFclient_code,client,current,')).toBe(true);
    // A token is good for one save.
    expect(report.exportedAgain.ok).toBe(false);
    expect(report.exportedAgain.error.code).toBe('not-found');
  });

  it('refuses a save from another page or under a name with a path', () => {
    expect(report.saveForeign.status).toBe('rejected');
    expect(report.saveBadName).toEqual({
      status: 'rejected',
      reason: expect.stringMatching(/contains a path separator/),
    });
  });

  it('answers the app page from the ledger worker', () => {
    expect(report.summary.ok, JSON.stringify(report.summary)).toBe(true);
    expect(report.summary.value.path).toContain('ledger.sqlite');
  });

  it('rejects another page', () => {
    expect(report.foreignSender).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'Requests are accepted only from the app.' },
    });
  });

  it('rejects unknown channels and invalid payloads', () => {
    expect(report.unknownChannel.error.code).toBe('invalid-request');
    expect(report.invalidPayload.error.code).toBe('invalid-request');
  });

  it('forwards worker events to the window', () => {
    expect(report.settings.ok).toBe(true);
    expect(report.sent).toContainEqual(['duedesk:event', 'ledger/changed', { reason: 'settings' }]);
  });

  it('registers a dropped CSV file', () => {
    expect(report.droppedCsv.status).toBe('fulfilled');
    expect(report.droppedCsv.value.name).toBe('import.csv');
    expect(report.droppedCsv.value.token).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });

  it('rejects a dropped program', () => {
    expect(report.droppedProgram.status).toBe('rejected');
    expect(report.droppedProgram.reason).toMatch(/is not a CSV or text file/);
  });

  it('rejects file requests from another page', () => {
    expect(report.droppedForeign.reason).toBe('Requests are accepted only from the app.');
    expect(report.pickForeign.reason).toBe('Requests are accepted only from the app.');
  });

  it('returns null when the CSV picker is cancelled', () => {
    expect(report.pickCancelled).toEqual({ status: 'fulfilled', value: null });
  });
});

describe('bundled main process security', () => {
  it('replaces any Content-Security-Policy header with its own', () => {
    expect(report.headers.responseHeaders).toEqual({
      'X-Other': ['1'],
      'Content-Security-Policy': [contentSecurityPolicy],
    });
  });

  it('denies permissions', () => {
    expect(report.permissionRequest).toBe(false);
    expect(report.permissionCheck).toBe(false);
    expect(report.devicePermission).toBe(false);
  });

  it('blocks navigation away from the app page', () => {
    expect(report.navigation).toEqual({
      external: true,
      ownHashRoute: false,
      otherFile: true,
      frameExternal: true,
      redirectExternal: true,
      webview: true,
    });
  });

  it('denies new windows', () => {
    expect(report.windowOpen).toEqual({ action: 'deny' });
  });
});

describe('bundled main process quit', () => {
  it('closes the ledger before quitting', () => {
    expect(report.firstQuitDeferred).toBe(true);
    expect(report.quitCalls).toBe(2);
  });
});
