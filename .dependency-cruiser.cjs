/**
 * Import boundaries between the process layers:
 * - shared/ holds pure domain rules and the IPC contract; it runs in Node, in tests and in
 *   the browser, so it imports nothing from electron/, renderer/ or Node's built-in modules;
 * - renderer/ is the sandboxed UI and never reaches the main process's code;
 * - electron/ is the main process and does not import the UI.
 */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment:
        'shared/ may import only shared/ and pure npm packages, never electron/ or renderer/',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'shared-has-no-node-builtins',
      comment: 'shared/ runs in the browser too: no Node built-in modules',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-uses-the-contract',
      comment: 'renderer/ talks to the main process only through the IPC contract in shared/',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/' },
    },
    {
      name: 'renderer-has-no-node-builtins',
      comment: 'the renderer is sandboxed: no Node built-in modules',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'main-does-not-import-ui',
      comment: 'electron/ must not import the React UI',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)node_modules/' },
  },
};
