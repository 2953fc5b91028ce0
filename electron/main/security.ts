import type { Session, WebContents } from 'electron';
import { log } from '../log.ts';
import { contentSecurityPolicy, isAppUrl } from './security-policy.ts';

/**
 * Hardens a session: the Content-Security-Policy on every response, and every permission
 * (camera, notifications, clipboard, HID, USB, serial, ...) denied, because a ledger needs
 * none of them.
 */
export function secureSession(session: Session): void {
  // Older Electron releases skipped webRequest for file: URLs, which is why the renderer's
  // index.html also carries this policy in a <meta> tag.
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({
      responseHeaders: { ...headers, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`[security] denied the page's request for the ${permission} permission`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Confines a webContents to the app's page at `appUrl`: navigation and redirects elsewhere
 * are cancelled, new windows are denied and <webview> tags never attach. Installed from
 * `web-contents-created`, so it covers every webContents, including ones made later.
 */
export function confineWebContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, appUrl)) return;
    event.preventDefault();
    log.warn(`[security] blocked navigation to ${event.url}`);
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url, appUrl)) return;
    event.preventDefault();
    log.warn(`[security] blocked frame navigation to ${event.url}`);
  });
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url, appUrl)) return;
    event.preventDefault();
    log.warn(`[security] blocked redirect to ${event.url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('[security] blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`[security] blocked a new window for ${url}`);
    return { action: 'deny' };
  });
}
