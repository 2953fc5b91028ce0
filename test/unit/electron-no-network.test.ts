import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const hook = resolve(import.meta.dirname, '../../scripts/no-network.cjs');
const folder = mkdtempSync(join(tmpdir(), 'duedesk-no-network-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Runs each attempt in a child Node process in which every network primitive was replaced
 * by a recorder BEFORE the hook loaded. The hook wraps the recorders, so a call that gets
 * past the hook is recorded instead of sent, and nothing here reaches a network even when
 * the hook is broken. For the same reason the non-loopback targets are reserved
 * documentation addresses and names (192.0.2.0/24, 2001:db8::/32, example.com).
 */
function runAttempts(attempts: Record<string, string>): Record<string, string> {
  const script = `
    const dgram = require('node:dgram');
    const dns = require('node:dns');
    const http = require('node:http');
    const https = require('node:https');
    const net = require('node:net');
    let passed = false;
    const recorder = function () { passed = true; return this; };
    net.Socket.prototype.connect = recorder;
    dgram.Socket.prototype.send = recorder;
    dgram.Socket.prototype.connect = recorder;
    for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
      dns[name] = recorder;
      dns.promises[name] = recorder;
    }
    http.request = http.get = https.request = https.get = recorder;
    globalThis.fetch = async () => { passed = true; };
    require(${JSON.stringify(hook)});
    const attempts = ${JSON.stringify(attempts)};
    const outcomes = {};
    (async () => {
      for (const [name, code] of Object.entries(attempts)) {
        passed = false;
        try {
          await eval(code);
          outcomes[name] = passed ? 'passed' : 'nothing called';
        } catch (error) {
          outcomes[name] = passed ? 'passed then raised' : 'blocked: ' + error.code;
        }
      }
      console.log(JSON.stringify(outcomes));
    })();
  `;
  const file = join(folder, `attempts-${Object.keys(attempts).length}.cjs`);
  writeFileSync(file, script);
  const result = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Record<string, string>;
}

describe('no-network hook', () => {
  const blocked = runAttempts({
    'net.connect to an IPv4 address': "net.connect(80, '192.0.2.1')",
    'net.connect to a host name': "net.connect({ host: 'example.com', port: 443 })",
    'Socket#connect to IPv6': "new net.Socket().connect({ host: '2001:db8::1', port: 80 })",
    'tls.connect': "require('node:tls').connect(443, 'example.com')",
    'dns.lookup': "dns.lookup('example.com', () => {})",
    'dns.promises.lookup': "dns.promises.lookup('example.com')",
    'dns.resolve4': "dns.resolve4('example.com', () => {})",
    'http.get of a URL': "http.get('http://example.com/')",
    'https.request with options': "https.request({ hostname: 'example.com', path: '/' })",
    'http.request with a URL object': "http.request(new URL('http://192.0.2.7/'))",
    fetch: "fetch('https://example.com/')",
    'a UDP datagram': "dgram.createSocket('udp4').send('x', 53, '192.0.2.53')",
    'a UDP connection': "dgram.createSocket('udp4').connect(53, '192.0.2.53')",
  });

  it.each(Object.keys(blocked))('blocks %s', (name) => {
    expect(blocked[name]).toBe('blocked: ERR_NETWORK_BLOCKED');
  });

  const allowed = runAttempts({
    'net.connect to 127.0.0.1': "net.connect(80, '127.0.0.1')",
    'net.connect to 127.8.9.10': "net.connect({ host: '127.8.9.10', port: 80 })",
    'net.connect to ::1': "net.connect({ host: '::1', port: 80 })",
    'net.connect to localhost': "net.connect(80, 'localhost')",
    'net.connect with no host': 'net.connect(80)',
    'net.connect to a Unix socket': "net.connect('/tmp/duedesk.sock')",
    'dns.lookup of localhost': "dns.lookup('localhost', () => {})",
    'http.get of a loopback URL': "http.get('http://127.0.0.1:9/')",
    'http.request on a socket path': "http.request({ socketPath: '/tmp/d.sock', path: '/' })",
    'fetch of [::1]': "fetch('http://[::1]:9/')",
    'a UDP datagram to loopback': "dgram.createSocket('udp4').send('x', 53, '127.0.0.1')",
  });

  it.each(Object.keys(allowed))('allows %s', (name) => {
    expect(allowed[name]).toBe('passed');
  });
});
