// Certificate PDFs in workerd: CPU ms per certificate (the first in a fresh isolate, then warm p50/p99) and bytes per PDF, read back with pdf.js.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

/** A 300 × 300 red seal (ring and star) as a PNG with transparency, about the size an organiser uploads. */
export function sealPng() {
  const size = 300;
  const png = new PNG({ width: size, height: size });
  const star = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? 24 : 60;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [150 + r * Math.cos(a), 150 + r * Math.sin(a)];
  });
  const inStar = (x, y) => {
    let inside = false;
    for (let i = 0, j = star.length - 1; i < star.length; j = i++) {
      const [xi, yi] = star[i];
      const [xj, yj] = star[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - 150, y - 150);
      const ink = (d > 128 && d < 142) || inStar(x, y);
      const o = (y * size + x) * 4;
      png.data[o] = 200;
      png.data[o + 1] = 20;
      png.data[o + 2] = 20;
      png.data[o + 3] = ink ? 235 : 0;
    }
  }
  return PNG.sync.write(png);
}

/** The workerd process that runs the Worker (wrangler dev's other workerd is its proxy): see cpu.mjs. */
function workerPid(pgid) {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('workerd') && cmd.includes('entry=127.0.0.1:0\0')) return Number(pid);
    } catch {
      /* gone */
    }
  }
  return null;
}

/** CPU time of every thread of a process, in ns (schedstat: far finer than the 10 ms ticks of /proc/<pid>/stat). */
function cpuNs(pid) {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      /* thread ended */
    }
  }
  return ns;
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Text of the first page, as a PDF reader extracts it (pdf.js, legacy build, in Node). */
async function pdfText(bytes) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const text = (await page.getTextContent()).items.map((i) => i.str ?? '').join('\n');
  const [, , width, height] = page.view;
  await doc.destroy();
  return { text, width, height };
}

/**
 * `runs` certificates rendered one after another through POST /api/dev/certificate-sample (with a seal), each
 * request's CPU read from the Worker's workerd process. The first request of the isolate also fetches the
 * 10.6 MB font from the static assets and parses it; the rest reuse it.
 */
export async function certificateTiming(origin, pgid, runs) {
  const pid = workerPid(pgid);
  if (!pid) return { status: 'no workerd process found', runs };
  const seal = sealPng();
  const body = JSON.stringify({ sealPng: seal.toString('base64') });
  const one = async () => {
    const c0 = cpuNs(pid);
    const t0 = performance.now();
    const res = await fetch(`${origin}/api/dev/certificate-sample`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const wallMs = performance.now() - t0;
    if (!res.ok)
      throw new Error(`certificate sample: HTTP ${res.status} ${new TextDecoder().decode(bytes).slice(0, 300)}`);
    return { cpuMs: (cpuNs(pid) - c0) / 1e6, wallMs, bytes };
  };
  const first = await one();
  const warm = [];
  for (let i = 0; i < runs; i++) warm.push(await one());
  const cpu = warm.map((w) => w.cpuMs).sort((a, b) => a - b);
  const wall = warm.map((w) => w.wallMs).sort((a, b) => a - b);
  const sizes = warm.map((w) => w.bytes.length);
  const read = await pdfText(warm.at(-1).bytes);
  return {
    status: 'measured',
    runs,
    sealBytes: seal.length,
    firstCpuMs: round(first.cpuMs),
    firstWallMs: round(first.wallMs),
    p50CpuMs: round(pct(cpu, 50)),
    p99CpuMs: round(pct(cpu, 99)),
    meanCpuMs: round(cpu.reduce((a, b) => a + b, 0) / cpu.length),
    p50WallMs: round(pct(wall, 50)),
    p99WallMs: round(pct(wall, 99)),
    bytesMean: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
    bytesMax: Math.max(...sizes),
    page: { width: round(read.width), height: round(read.height) },
    // What the issue asks a reader to find: the Chinese name and the project level.
    textHasName: read.text.includes('张晓林'),
    textHasLevel: read.text.includes('国家级'),
  };
}

// `npx node bench/certificate.mjs [runs]`: the figures alone, on a fresh wrangler dev.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { startWorker } = await import('./server.mjs');
  const { prepareLocalDatabase } = await import('../scripts/local-db.mjs');
  if (!existsSync('dist/fonts/certificate/NotoSansSC-Regular.ttf')) {
    const b = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
    if (b.status !== 0) process.exit(1);
  }
  const persistTo = mkdtempSync(join(tmpdir(), 'colloquy-cert-bench-'));
  let server;
  let code = 0;
  try {
    prepareLocalDatabase(persistTo);
    server = await startWorker({ persistTo });
    const r = await certificateTiming(server.origin, server.pgid, Number(process.argv[2] ?? 50));
    console.log(JSON.stringify(r, null, 2));
    if (r.status !== 'measured' || !r.textHasName || !r.textHasLevel) code = 1;
  } catch (e) {
    console.error(e?.stack ?? e);
    if (server) console.error(server.log().split('\n').slice(-30).join('\n'));
    code = 1;
  } finally {
    await server?.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
  process.exit(code);
}
