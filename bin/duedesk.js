#!/usr/bin/env node
// Runs the Duedesk command-line interface from its TypeScript source through tsx,
// so that `npx duedesk` works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
