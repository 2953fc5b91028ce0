import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite replaces import.meta.dirname when it bundles this file, and vitest's module runner
// provides it too, so the build works from any working directory without node:path, which
// the import-boundary lint forbids under renderer/.
const rendererDir = import.meta.dirname;

export default defineConfig({
  root: rendererDir,
  // Electron loads the build from file://, where absolute /assets/ paths would not resolve.
  base: './',
  plugins: [react()],
  build: {
    outDir: `${rendererDir}/../dist/renderer`,
    emptyOutDir: true,
    // Inlined assets would become data: URLs for scripts and fonts, which the CSP rejects.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
});
