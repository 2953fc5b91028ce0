import { BrowserWindow, nativeTheme } from 'electron';
import { iconPath, preloadPath } from './app-paths.ts';

/**
 * Creates the app's window, hidden until its first paint so that the user never sees an
 * empty frame. Its background matches the system theme for the same reason.
 */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Duedesk',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1f22' : '#ffffff',
    // Windows and macOS take the icon from the packaged executable, but Linux needs it here.
    ...(process.platform === 'linux' ? { icon: iconPath } : {}),
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would open links in a new window without passing the navigation guards.
      disableBlinkFeatures: 'Auxclick',
      preload: preloadPath,
    },
  });
  window.once('ready-to-show', () => window.show());
  // The main process titles the window after the open ledger; the page must not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  return window;
}
