// The console's build: a static SPA under /console/ that the gateway serves (see
// apps/gateway/src/console/). Hashed file names let the gateway cache assets for a year.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../../dist/apps/console'),
    emptyOutDir: true,
    // Vite would inline small assets as data: URLs; the CSP allows data: only for images, so files stay files.
    assetsInlineLimit: 0,
    // A strict CSP forbids inline scripts: no module-preload polyfill injected into index.html.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:3000' } },
});
