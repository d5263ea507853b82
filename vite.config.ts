// Builds the Solid app in web/ into dist/, which the Worker serves as static assets.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';

/**
 * The certificate font (Noto Sans SC, 10.6 MB) is far too big for the Worker bundle: it ships as a static asset that
 * the certificate queue fetches through env.ASSETS (worker/certificates/pdf.ts). Copied after the build, so it is not
 * in the manifest and the service worker never precaches it.
 */
const certificateFont = (): Plugin => ({
  name: 'colloquy-certificate-font',
  apply: 'build',
  closeBundle() {
    const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
    mkdirSync(at('./dist/fonts/certificate'), { recursive: true });
    copyFileSync(
      at('./node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
      at('./dist/fonts/certificate/NotoSansSC-Regular.ttf'),
    );
  },
});

export default defineConfig({
  root: 'web',
  plugins: [solid(), certificateFont()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // The manifest lists every built file, so the service worker (web/public/sw.js) can precache the app shell.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // What the entry imports (solid-js, the router, the global words) stays in the entry. Left alone, rolldown
              // puts the part the lazy pages share with it in a chunk of its own, which every page then loads as a
              // second file that compresses worse. Not dependencies recursively: the router's data cache (query,
              // createAsync) is only used by the pages that read data, and stays in their shared chunk.
              name: 'index',
              tags: ['$initial'],
              includeDependenciesRecursively: false,
              test: (id) => !/@solidjs[\\/]router[\\/]dist[\\/]data[\\/](query|createAsync)\.js$/.test(id),
            },
            {
              // The API client, time formatting and input normalisation, which almost every page uses: one chunk
              // instead of three of a few hundred bytes each (the pages that use only some load ~0.4 KB more).
              name: 'api',
              includeDependenciesRecursively: false,
              test: /web[\\/]src[\\/](api|api-client|lib[\\/]time)\.ts$|worker[\\/]lib[\\/]normalize\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8787' } },
});
