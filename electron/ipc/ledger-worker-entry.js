// Starts the ledger worker from its TypeScript source under plain Node (CLI, loopback host,
// tests). The desktop build bundles ledger-worker.ts to JavaScript and starts that instead.
import { register } from 'tsx/esm/api';

register();
await import('./ledger-worker.ts');
