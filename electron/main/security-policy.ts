import { fileURLToPath } from 'node:url';

/**
 * The Content-Security-Policy of every page the app shows. The renderer is a bundle of local
 * files, so it needs no inline script, no eval and no remote origin. Images may also be
 * `data:` URLs, which scripts and style sheets generate in memory.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Tells whether `url` is the app's own page at `appUrl` (a `file:` URL), ignoring the
 * fragment so that hash routes count as the same page. Any query string, other file, other
 * scheme or unparsable URL is rejected. Paths are compared after percent-decoding, because
 * Chromium and Node's `pathToFileURL` do not escape the same characters. Navigation
 * (`will-navigate`, `will-redirect`) and IPC senders are both checked with it.
 */
export function isAppUrl(
  url: string,
  appUrl: string,
  caseInsensitivePaths = process.platform === 'win32',
): boolean {
  const candidate = filePath(url);
  const app = filePath(appUrl);
  if (candidate === null || app === null) return false;
  if (caseInsensitivePaths) return candidate.toLowerCase() === app.toLowerCase();
  return candidate === app;
}

function filePath(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'file:' || parsed.search !== '') return null;
  try {
    return fileURLToPath(parsed);
  } catch {
    // Raised for an encoded path separator such as %2F, which no real path contains, and,
    // outside Windows, for a URL with a host.
    return null;
  }
}

/** The fields of Electron's IpcMainInvokeEvent that the sender check reads. */
export interface InvokeSender {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * Tells whether an IPC request came from the top frame of the app's own page. A request
 * whose frame has since navigated away or been destroyed is rejected too: Electron then
 * gives a null frame or raises on reading it.
 */
export function isTrustedSender(event: InvokeSender, appUrl: string): boolean {
  try {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    return isAppUrl(frame.url, appUrl);
  } catch {
    return false;
  }
}
