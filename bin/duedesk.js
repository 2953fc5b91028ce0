#!/usr/bin/env node
// Runs the Duedesk command-line interface from its TypeScript source through tsx,
// so that `npx duedesk` works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early, such as `duedesk aging ... | head`, closes the pipe; the rest of
// the output has nowhere to go, which is not a failure of the command.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
