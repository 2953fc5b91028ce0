import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isAppUrl,
  isTrustedSender,
} from '../../electron/main/security-policy.ts';

const appUrl = pathToFileURL('/opt/Duedesk/dist/renderer/index.html').href;

describe('contentSecurityPolicy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources.join(' ')];
    }),
  );

  it.each([
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data:"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ])('sets %s to %s', (name, sources) => {
    expect(directives.get(name)).toBe(sources);
  });

  it('has no other directive', () => {
    expect(directives.size).toBe(9);
  });

  it('allows no inline script, eval or remote origin', () => {
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*/);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['the page itself', appUrl],
    ['a hash route', `${appUrl}#/clients/12`],
    ['an empty hash', `${appUrl}#`],
    ['a percent-encoded letter', appUrl.replace('index', '%69ndex')],
  ])('accepts %s', (_case, url) => {
    expect(isAppUrl(url, appUrl)).toBe(true);
  });

  it.each([
    ['a query string', `${appUrl}?next=1`],
    ['another file in the same folder', appUrl.replace('index.html', 'other.html')],
    ['a file outside the app', 'file:///etc/passwd'],
    ['a path that climbs out of the app', appUrl.replace('renderer/', 'renderer/../../x/')],
    ['an encoded path separator', appUrl.replace('renderer/', 'renderer%2F')],
    ['http on loopback', 'http://127.0.0.1:5173/index.html'],
    ['https', 'https://example.com/'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['a blob URL', 'blob:file:///0f6a'],
    ['about:blank', 'about:blank'],
    ['a relative URL', 'index.html'],
    ['an empty string', ''],
  ])('rejects %s', (_case, url) => {
    expect(isAppUrl(url, appUrl)).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('rejects a file URL with a host', () => {
    expect(isAppUrl(appUrl.replace('file:///', 'file://server/'), appUrl)).toBe(false);
  });

  it('compares letter case only when told to', () => {
    const upper = appUrl.replace('index.html', 'INDEX.html');
    expect(isAppUrl(upper, appUrl, false)).toBe(false);
    expect(isAppUrl(upper, appUrl, true)).toBe(true);
  });

  it('rejects everything when the app URL is invalid', () => {
    expect(isAppUrl(appUrl, 'not a url')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

  it('accepts the top frame of the app page', () => {
    expect(isTrustedSender(topFrame(`${appUrl}#/dashboard`), appUrl)).toBe(true);
  });

  it('rejects another page', () => {
    expect(isTrustedSender(topFrame('https://example.com/'), appUrl)).toBe(false);
  });

  it('rejects a subframe of the app page', () => {
    const event = { senderFrame: { url: appUrl, parent: topFrame(appUrl).senderFrame } };
    expect(isTrustedSender(event, appUrl)).toBe(false);
  });

  it('rejects a destroyed frame', () => {
    expect(isTrustedSender({ senderFrame: null }, appUrl)).toBe(false);
  });

  it('rejects a frame that raises when read', () => {
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(isTrustedSender(event, appUrl)).toBe(false);
  });
});
