import { readFileSync } from 'node:fs';

/**
 * Lists what a bundled preload loads at run time: the argument text of each `require(...)`
 * and `import(...)` call, quotes included. A sandboxed preload may require only
 * 'electron' (and a few of Node's modules this app does not need). The code must have no
 * comments, because a comment that mentions such a call would be listed too.
 */
export function moduleLoads(code: string): string[] {
  const loads: string[] = [];
  for (const match of code.matchAll(/\b(?:require|import)\s*\(\s*([^)]*?)\s*\)/g)) {
    loads.push(match[1]!);
  }
  return loads;
}

/** Returns one message per load in the bundle at `path` other than `require('electron')`. */
export function checkPreloadBundle(path: string): string[] {
  const code = readFileSync(path, 'utf8');
  return moduleLoads(code)
    .filter((argument) => argument !== '"electron"' && argument !== "'electron'")
    .map((argument) => `${path} loads ${argument}; a sandboxed preload can load only electron.`);
}
