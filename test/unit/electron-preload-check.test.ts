import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPreloadBundle, moduleLoads } from '../../scripts/preload-check.ts';

const folder = mkdtempSync(join(tmpdir(), 'duedesk-preload-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function bundle(code: string): string {
  const path = join(folder, `preload-${code.length}.cjs`);
  writeFileSync(path, code);
  return path;
}

describe('moduleLoads', () => {
  it('lists require and import calls with their arguments', () => {
    const code = 'var e=require("electron");var f=require( \'fs\' );import("./chunk.js");';
    expect(moduleLoads(code)).toEqual(['"electron"', "'fs'", '"./chunk.js"']);
  });

  it('lists a computed require', () => {
    expect(moduleLoads('const m = require(name);')).toEqual(['name']);
  });

  it('ignores names that merely end in require', () => {
    expect(moduleLoads('myrequire("fs"); reimport("x");')).toEqual([]);
  });
});

describe('checkPreloadBundle', () => {
  it('accepts a bundle that requires only electron', () => {
    expect(checkPreloadBundle(bundle('const { ipcRenderer } = require("electron");'))).toEqual([]);
  });

  it('reports each other load', () => {
    const path = bundle('require("electron"); require("node:fs"); require(x);');
    const problems = checkPreloadBundle(path);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('loads "node:fs"');
    expect(problems[1]).toContain('loads x');
  });
});
