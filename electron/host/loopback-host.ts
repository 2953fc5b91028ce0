import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { ipcEvents } from '../../shared/ipc/events.ts';
import type { IpcResult } from '../../shared/ipc/ipc-error.ts';
import { saveFileOptions, saveFolderOptions } from '../../shared/ipc/report-contract.ts';
import { firstIssue } from '../../shared/validation-issue.ts';
import { dispatchIpc } from '../ipc/dispatch.ts';
import { startLedgerWorker } from '../ipc/ledger-worker-client.ts';
import { log } from '../log.ts';
import {
  CONTENT_SECURITY_POLICY,
  cookieToken,
  isExpectedHost,
  isSameOrigin,
  TOKEN_COOKIE,
  tokensMatch,
} from './http-security.ts';
import { serveStaticFile } from './static-files.ts';

export interface LoopbackHostOptions {
  readonly dbPath: string;
  /** The built renderer; `dist/renderer` of the repository by default. */
  readonly rendererDir?: string;
  /** 0 (the default) lets the system choose a free port. */
  readonly port?: number;
  /**
   * The folder that reports saved from the window go into, since a browser page has no save
   * dialog of the desktop kind: `exports` beside the ledger by default. Created when needed.
   */
  readonly exportsDir?: string;
}

export interface LoopbackHost {
  /** The address to open, with the per-run token: `http://127.0.0.1:PORT/?token=…`. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** The folder reports saved from the window go into. */
  readonly exportsDir: string;
  close(): Promise<void>;
}

const MAX_JSON_BYTES = 1024 * 1024;
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
export const defaultRendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/**
 * Serves the built renderer and the very same IPC handlers as the desktop app over HTTP on
 * 127.0.0.1, for development and end-to-end tests in a browser. Every request must carry the
 * random per-run token (as a query parameter on the first page, then as a cookie or an
 * `x-duedesk-token` header). It is not a way to share a ledger: it never listens beyond
 * the loopback address.
 */
export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  const rendererDir = resolve(options.rendererDir ?? defaultRendererDir);
  const token = randomBytes(24).toString('base64url');
  const uploads = await mkdtemp(join(tmpdir(), 'duedesk-uploads-'));
  const exportsFolder = new ExportsFolder(
    resolve(options.exportsDir ?? join(dirname(resolve(options.dbPath)), 'exports')),
  );
  const listeners = new Set<ServerResponse>();
  const worker = startLedgerWorker({
    dbPath: options.dbPath,
    onEvent: (name, payload) => {
      if (!Object.hasOwn(ipcEvents, name)) return;
      const message = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const listener of listeners) listener.write(message);
    },
  });
  await worker.ready;

  let port = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error('[loopback-host] request failed', request.method, request.url, error);
      if (!response.headersSent) sendJson(response, 500, { message: 'Internal error.' });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('cache-control', 'no-store');
    response.setHeader('referrer-policy', 'no-referrer');
    if (!isExpectedHost(request, port)) return sendText(response, 421, 'Unexpected host.');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    const given = request.headers['x-duedesk-token'];
    const authorised =
      tokensMatch(token, cookieToken(request)) ||
      tokensMatch(token, typeof given === 'string' ? given : null) ||
      (request.method === 'GET' && tokensMatch(token, queryToken));
    if (!authorised) {
      return sendText(
        response,
        403,
        'Open the address printed by "duedesk serve", token included.',
      );
    }
    if (tokensMatch(token, queryToken)) {
      response.setHeader(
        'set-cookie',
        `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      );
    }

    if (request.method === 'POST' && !isSameOrigin(request, port)) {
      return sendText(response, 403, 'Cross-origin requests are not accepted.');
    }
    if (request.method === 'POST' && url.pathname.startsWith('/ipc/')) {
      const channel = url.pathname.slice('/ipc/'.length);
      const body = await readJson(request);
      const result = body.ok ? await dispatchIpc(worker.handlers, channel, body.value) : body;
      return sendJson(response, 200, result);
    }
    if (request.method === 'POST' && url.pathname === '/files') {
      return sendJson(response, 200, await receiveUpload(request));
    }
    if (request.method === 'POST' && url.pathname === '/save-target') {
      return sendJson(response, 200, await chooseSaveTarget(request));
    }
    if (request.method === 'POST' && url.pathname === '/save-folder') {
      return sendJson(response, 200, await chooseFolder(request));
    }
    if (request.method === 'GET' && url.pathname === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    if (request.method === 'GET' && (await serveStaticFile(rendererDir, url.pathname, response))) {
      return;
    }
    sendText(response, 404, 'Not found.');
  }

  async function receiveUpload(request: IncomingMessage): Promise<IpcResult<unknown>> {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_UPLOAD_BYTES) {
      request.resume();
      return failure('The file is larger than 2 GiB.');
    }
    let name: string;
    try {
      name = basename(decodeURIComponent(String(request.headers['x-file-name'] ?? 'upload.csv')));
    } catch {
      return failure('Invalid x-file-name header: send the name URI-encoded.');
    }
    const folder = await mkdtemp(join(uploads, 'file-'));
    const path = join(folder, name.replace(/[^\p{L}\p{N}._ -]/gu, '_') || 'upload.csv');
    await pipeline(request, createWriteStream(path));
    return { ok: true, value: worker.registerFile(path, name) };
  }

  /** Picks a file in the exports folder for a report, in place of a save dialog. */
  async function chooseSaveTarget(request: IncomingMessage): Promise<IpcResult<unknown>> {
    const body = await readJson(request);
    if (!body.ok) return body;
    const parsed = saveFileOptions.safeParse(body.value);
    if (!parsed.success) return failure(firstIssue(parsed.error));
    const path = await exportsFolder.reserveFile(parsed.data.suggestedName);
    const target = { kind: 'file' as const, path, format: parsed.data.format };
    return { ok: true, value: worker.registerSaveTarget(target) };
  }

  /** Creates a new folder in the exports folder, in place of a folder dialog. */
  async function chooseFolder(request: IncomingMessage): Promise<IpcResult<unknown>> {
    const body = await readJson(request);
    if (!body.ok) return body;
    const parsed = saveFolderOptions.safeParse(body.value);
    if (!parsed.success) return failure(firstIssue(parsed.error));
    const path = await exportsFolder.createFolder(parsed.data.suggestedName);
    return { ok: true, value: worker.registerSaveTarget({ kind: 'folder', path }) };
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  log.info(`[loopback-host] serving ${options.dbPath} at ${origin}`);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    exportsDir: exportsFolder.path,
    async close() {
      for (const listener of listeners) listener.end();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await worker.close();
      await rm(uploads, { recursive: true, force: true });
    },
  };
}

/** Most numbered variants of one name tried before giving up, such as `report-1000.csv`. */
const MAX_NAME_VARIANTS = 1000;

/**
 * The loopback host's exports folder. A page gets a new name when the one it suggests is taken
 * (`aging-summary-2013-12-31-2.csv`), because there is no dialog to ask before replacing a file.
 * Names handed out are remembered until the host stops, so that two saves chosen before either
 * writes never share a file.
 */
class ExportsFolder {
  readonly #reserved = new Set<string>();

  constructor(readonly path: string) {}

  /** Returns a free path in the folder for a file named like `name`, which must be checked. */
  async reserveFile(name: string): Promise<string> {
    await mkdir(this.path, { recursive: true });
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const extension = dot > 0 ? name.slice(dot) : '';
    for (let variant = 1; variant <= MAX_NAME_VARIANTS; variant += 1) {
      const candidate = join(this.path, variant === 1 ? name : `${stem}-${variant}${extension}`);
      if (this.#reserved.has(candidate) || (await pathExists(candidate))) continue;
      this.#reserved.add(candidate);
      return candidate;
    }
    throw new Error(
      `${this.path} already has ${MAX_NAME_VARIANTS} files named like ${name}: move some away.`,
    );
  }

  /** Creates a new, empty folder in the folder, named like `name`, and returns its path. */
  async createFolder(name: string): Promise<string> {
    await mkdir(this.path, { recursive: true });
    for (let variant = 1; variant <= MAX_NAME_VARIANTS; variant += 1) {
      const candidate = join(this.path, variant === 1 ? name : `${name}-${variant}`);
      try {
        await mkdir(candidate);
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(
      `${this.path} already has ${MAX_NAME_VARIANTS} folders named like ${name}: move some away.`,
    );
  }
}

async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function readJson(request: IncomingMessage): Promise<IpcResult<unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) return failure('The request is larger than 1 MiB.');
    chunks.push(chunk as Buffer);
  }
  try {
    const text = Buffer.concat(chunks).toString('utf8');
    return { ok: true, value: text === '' ? {} : JSON.parse(text) };
  } catch {
    return failure('The request body is not valid JSON.');
  }
}

function failure(message: string): IpcResult<never> {
  return { ok: false, error: { code: 'invalid-request', message } };
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
