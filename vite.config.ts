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
  // The manifest lists every built file, so the service worker (web/public/sw.js) can precache the app shell.
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', manifest: true },
  server: { proxy: { '/api': 'http://localhost:8787' } },
});
