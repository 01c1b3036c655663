import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { firstPagePreload } from './build/first-page-preload.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), firstPagePreload(root)],
  // Hidden maps: written for reading a stack trace on the build machine, never referenced by the bundle
  // nor served (the local server and CloudFront answer 404 for *.map).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: 'hidden', manifest: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
