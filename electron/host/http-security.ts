import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The renderer's content security policy: its own files only, no inline code, no remote. */
export const CONTENT_SECURITY_POLICY = [
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

export const TOKEN_COOKIE = 'duedesk_token';

/** Compares tokens in constant time, so that response timing reveals nothing about them. */
export function tokensMatch(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieToken(request: IncomingMessage): string | null {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

/**
 * Rejects requests whose Host is not this server's loopback address, which stops a web page
 * from reaching the host through a DNS name rebound to 127.0.0.1.
 */
export function isExpectedHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host ?? '';
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Tells whether a state-changing request comes from the host's own page (when the browser sends an Origin). */
export function isSameOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return (
    origin === undefined ||
    origin === `http://127.0.0.1:${port}` ||
    origin === `http://localhost:${port}`
  );
}
