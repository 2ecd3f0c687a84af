import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: a static bundle loaded by Electron from disk (relative base) or served in browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
