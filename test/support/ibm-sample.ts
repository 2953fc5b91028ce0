import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * IBM's accounts-receivable sample, kept beside the repository rather than in it because it
 * is not ours to redistribute. Tests that need it are skipped where it is missing.
 */
export const ibmSamplePath = fileURLToPath(
  new URL('../../../shared/data/ar-ibm.csv', import.meta.url),
);

export const hasIbmSample = existsSync(ibmSamplePath);
