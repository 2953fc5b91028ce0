import { genericPreset } from './generic.ts';
import { ibmArPreset } from './ibm-ar.ts';
import type { ImportPreset } from './preset.ts';
import { quickbooksPreset } from './quickbooks.ts';
import { xeroPreset } from './xero.ts';

export type { ImportPreset } from './preset.ts';

export const importPresets: readonly ImportPreset[] = [
  genericPreset,
  ibmArPreset,
  quickbooksPreset,
  xeroPreset,
];

export function findPreset(id: string): ImportPreset {
  const preset = importPresets.find((candidate) => candidate.id === id);
  if (!preset) {
    const known = importPresets.map((candidate) => candidate.id).join(', ');
    throw new Error(`Unknown import preset "${id}". Known presets: ${known}.`);
  }
  return preset;
}
