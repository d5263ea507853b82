// The Chromium that browser tests and the bench drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the one inside @sparticuz/chromium, with Noto Sans SC from npm.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const CACHE = fileURLToPath(new URL('../node_modules/.cache/colloquy-chromium/', import.meta.url));
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @type {Promise<import('./chromium.d.mts').ChromiumSetup> | undefined} */
let setup;

/**
 * Which Chromium to run and how, unpacking the npm one on first use (about 15 s, once per install).
 * `COLLOQUY_CHROMIUM=npm` picks the npm one even where Debian's is present.
 */
export function chromiumSetup() {
  setup ??= (async () => {
    if (process.env.CHROMIUM_PATH) {
      return { source: 'CHROMIUM_PATH', executablePath: process.env.CHROMIUM_PATH, env: fontEnv(true), args: ARGS };
    }
    if (process.env.COLLOQUY_CHROMIUM !== 'npm' && existsSync(SYSTEM_CHROMIUM)) {
      return { source: 'debian', executablePath: SYSTEM_CHROMIUM, env: fontEnv(true), args: ARGS };
    }
    const dir = await unpackNpmChromium();
    return { source: 'npm', executablePath: join(dir, 'chromium'), env: fontEnv(false, dir), args: ARGS };
  })();
  return setup;
}

/** Options for playwright-core's chromium.launch(), with `extraArgs` after the usual flags. */
export async function launchOptions(extraArgs = []) {
  const { executablePath, env, args } = await chromiumSetup();
  return { executablePath, env: { ...process.env, ...env }, args: [...args, ...extraArgs] };
}

/**
 * Unpacks @sparticuz/chromium's brotli archives into node_modules/.cache rather than the shared /tmp the package
 * uses by default, where another user's or another version's copy could sit. It unpacks into a scratch folder and
 * renames that into place, so an interrupted run, or two at once, never leave or use half a binary.
 */
async function unpackNpmChromium() {
  // The package exports only its entry (build/index.js), not its package.json.
  const { version } = JSON.parse(
    readFileSync(join(dirname(require.resolve('@sparticuz/chromium')), '..', 'package.json'), 'utf8'),
  );
  const dir = join(CACHE, version);
  if (existsSync(join(dir, 'chromium'))) return dir;
  const scratch = `${dir}.unpacking-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const { default: Sparticuz } = await import('@sparticuz/chromium');
  // The package unpacks into os.tmpdir(), which reads TMPDIR; every path is taken before its first await.
  const tmp = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
  let unpacked;
  try {
    unpacked = Sparticuz.executablePath();
  } finally {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  }
  try {
    await unpacked;
    renameSync(scratch, dir);
  } catch (e) {
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw e; // otherwise another run finished first
  }
  return dir;
}

/**
 * A fonts.conf with Noto Sans SC from npm (regular and bold), so Chinese renders as glyphs, not boxes, in whichever
 * Chromium runs. The npm Chromium sees its own Open Sans and these two files only; Debian's keeps the system's fonts
 * and gains Noto Sans SC for machines without fonts-noto-cjk.
 */
function fontEnv(withSystemFonts, chromiumDir = '') {
  const noto = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  // Generic families have no aliases without the system's conf.d, so say which font each one means.
  const generic = (family) =>
    `  <alias binding="same"><family>${family}</family><prefer><family>Open Sans</family><family>Noto Sans SC</family></prefer></alias>`;
  const dir = join(CACHE, 'fontconfig');
  const lines = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    withSystemFonts
      ? '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
      : `  <dir>${join(chromiumDir, 'fonts')}</dir>`,
    `  <dir>${join(noto, '400Regular')}</dir>`,
    `  <dir>${join(noto, '700Bold')}</dir>`,
    `  <cachedir>${join(dir, 'cache')}</cachedir>`,
    ...(withSystemFonts ? [] : ['sans-serif', 'serif', 'monospace', 'system-ui'].map(generic)),
    '</fontconfig>',
    '',
  ];
  mkdirSync(dir, { recursive: true });
  const file = join(dir, withSystemFonts ? 'system.conf' : 'npm.conf');
  writeFileSync(file, lines.join('\n'));
  return { FONTCONFIG_FILE: file, FONTCONFIG_PATH: dir };
}
