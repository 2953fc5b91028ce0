#!/usr/bin/env node
// Runs one TypeScript entry point (a benchmark, a script) through tsx.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node bin/run-ts.js FILE.ts [ARGS...]');
  process.exit(2);
}
register();
await import(pathToFileURL(resolve(entry)).href);
