'use strict';
/**
 * Preloaded with `node --require scripts/no-network.cjs` around third-party tools, such as
 * electronegativity, that would otherwise fetch things from the internet. Every connection,
 * DNS lookup, HTTP request or UDP datagram aimed at anything but a loopback address
 * (127.0.0.0/8, ::1, localhost) raises an error before any packet is sent. Local sockets
 * (Unix domain sockets and Windows named pipes) are allowed.
 */
const dgram = require('node:dgram');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');

const loopback = new net.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

function isLoopbackHost(host) {
  if (host === undefined || host === null || host === '') return true; // Node's default: localhost
  let name = String(host).toLowerCase();
  if (name.startsWith('[') && name.endsWith(']')) name = name.slice(1, -1);
  if (name === 'localhost') return true;
  const family = net.isIP(name);
  if (family === 4) return loopback.check(name, 'ipv4');
  if (family === 6) return loopback.check(name, 'ipv6');
  return false;
}

function blockedError(attempt, host) {
  const error = new Error(
    `no-network: blocked ${attempt} to ${host}. Only loopback addresses are allowed.`,
  );
  error.code = 'ERR_NETWORK_BLOCKED';
  return error;
}

/** Returns the host of a net.Socket.prototype.connect call, or null for a local socket. */
function connectTarget(args) {
  // net.connect() passes its already-normalised arguments as one array.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === 'object') {
    return first.path !== undefined ? null : first.host;
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null; // a socket path
  return typeof args[1] === 'string' ? args[1] : undefined;
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const host = connectTarget(args);
  if (host !== null && !isLoopbackHost(host)) throw blockedError('a socket connection', host);
  return originalConnect.apply(this, args);
};

function guardLookup(target, name, attempt) {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function guardedLookup(hostname, ...rest) {
    if (!isLoopbackHost(hostname)) throw blockedError(attempt, hostname);
    return original.call(this, hostname, ...rest);
  };
}

for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  guardLookup(dns, name, 'a DNS lookup');
  guardLookup(dns.promises, name, 'a DNS lookup');
}

/** Returns the host of an http.request() or get() call, given a URL, options or both. */
function requestHost(args) {
  const [first, second] = args;
  if (typeof first === 'string' || first instanceof URL) {
    const url = new URL(first);
    const options = second !== null && typeof second === 'object' ? second : {};
    return options.socketPath !== undefined
      ? null
      : (options.hostname ?? options.host ?? url.hostname);
  }
  const options = first ?? {};
  if (options.socketPath !== undefined) return null;
  return options.hostname ?? options.host;
}

for (const module of [http, https]) {
  for (const name of ['request', 'get']) {
    const original = module[name];
    module[name] = function guardedRequest(...args) {
      const host = requestHost(args);
      if (host !== null && !isLoopbackHost(host)) throw blockedError('an HTTP request', host);
      return original.apply(this, args);
    };
  }
}

if (typeof globalThis.fetch === 'function') {
  const originalFetch = globalThis.fetch;
  globalThis.fetch = function guardedFetch(input, init) {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!isLoopbackHost(url.hostname)) return Promise.reject(blockedError('a fetch', url.hostname));
    return originalFetch.call(this, input, init);
  };
}

const originalSend = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function send(...args) {
  // send(msg, [offset, length,] [port, [address,]] [callback]): the address is the only
  // string after the message.
  const address = args.slice(1).find((arg) => typeof arg === 'string');
  if (!isLoopbackHost(address)) throw blockedError('a UDP datagram', address);
  return originalSend.apply(this, args);
};

const originalUdpConnect = dgram.Socket.prototype.connect;
dgram.Socket.prototype.connect = function connect(port, address, ...rest) {
  const host = typeof address === 'string' ? address : undefined;
  if (!isLoopbackHost(host)) throw blockedError('a UDP connection', host);
  return originalUdpConnect.call(this, port, address, ...rest);
};
