import { existsSync } from 'node:fs';
import { defaultRendererDir, startLoopbackHost } from '../../host/loopback-host.ts';
import type { CliIo } from '../io.ts';
import { integerOption, parseCommandArgs, requireOption } from '../options.ts';
import { UsageError } from '../cli-error.ts';

export const serveUsage = `duedesk serve --db PATH [--port N] [--exports DIR]

Serves the Duedesk window to a browser on this computer only (127.0.0.1), over the ledger
at PATH, until interrupted (Ctrl+C). Prints the address to open; it carries a random token
made for this run, without which the server answers nothing. For development and tests:
it is not a way to share a ledger. Build the window first with npm run build:renderer.

Reports saved from the window go into DIR, by default the folder exports beside the ledger,
because a browser page has no save dialog.`;

export async function runServe(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    port: { type: 'string' },
    exports: { type: 'string' },
  });
  const dbPath = requireOption(values.db, '--db', 'ledger.sqlite');
  const port = integerOption(values.port, '--port', 0);
  await serveUntilInterrupted(dbPath, port, io, values.exports);
  return 0;
}

/**
 * Runs the loopback host over `dbPath` until SIGINT or SIGTERM. Reports saved from the window
 * go into `exportsDir`, or the host's default beside the ledger.
 */
export async function serveUntilInterrupted(
  dbPath: string,
  port: number,
  io: CliIo,
  exportsDir?: string,
) {
  if (!existsSync(`${defaultRendererDir}/index.html`)) {
    throw new UsageError(
      `The window is not built (${defaultRendererDir} is missing): run npm run build:renderer.`,
    );
  }
  const host = await startLoopbackHost({
    dbPath,
    port,
    ...(exportsDir === undefined ? {} : { exportsDir }),
  });
  io.out(`Duedesk is serving ${dbPath} at ${host.url}`);
  io.out(`Reports saved from the window go into ${host.exportsDir}.`);
  io.out('Open that address in a browser on this computer. Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await host.close();
}
