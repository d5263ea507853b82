// Builds the Solid app in web/ into dist/, which the Worker serves as static assets.
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

export default defineConfig({
  root: 'web',
  plugins: [solid()],
  // The manifest lists every built file, so the service worker (web/public/sw.js) can precache the app shell.
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', manifest: true },
  server: { proxy: { '/api': 'http://localhost:8787' } },
});
