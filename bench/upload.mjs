// Uploads a 50 MB PDF through `npm start`'s local server (wrangler dev → workerd) and samples workerd's resident memory
// from /proc while it streams: if the Worker held the file, its RSS would grow by about the file's size.
// Three sizes in one run (10, 50 and 99 MB by default, or --mb 50 for one): memory that grows with the file would mean
// it is held; a plateau is the runtime's buffers and garbage. Usage: npx node bench/upload.mjs [--mb 50]
// (starts its own server on a free port and a throwaway database; miniflare's R2 runs inside the same workerd process).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg('mb', '') ? [Number(arg('mb', ''))] : [10, 50, 99];
const SLUG = 'cell-therapy-autoimmune-2026';
const PERSON = 'per_demo_li';
const ORGANISER = 'organiser@colloquy.test';

/** Resident memory (bytes) of every workerd process in the server's process group. */
function workerdRss(group) {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== group || !comm.includes('workerd')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      /* gone meanwhile */
    }
  }
  return total;
}

async function startApp() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'colloquy-upload-bench-'));
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', COLLOQUY_PERSIST_DIR: dir, COLLOQUY_SKIP_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { origin, group: child.pid, stop };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`the server did not start:\n${log}`);
}

async function organiserCookie(origin) {
  const asked = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: ORGANISER }),
  });
  if (asked.status !== 202) throw new Error(`sign-in answered ${asked.status}`);
  const { emails } = await (await fetch(`${origin}/api/dev/mailbox`)).json();
  const mail = emails.find((m) => m.to === ORGANISER);
  const link = /https?:\/\/[^\s"'<>]+\/api\/auth\/verify\?[^\s"'<>]+/
    .exec(mail.text ?? mail.html)[0]
    .replaceAll('&amp;', '&');
  const verified = await fetch(link, { redirect: 'manual' });
  return verified.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A PDF of `size` bytes made on the fly, 1 MB at a time: the bench itself never holds it either. */
function pdfStream(size) {
  const head = new TextEncoder().encode('%PDF-1.4\n%');
  const tail = new TextEncoder().encode('\n%%EOF\n');
  const chunk = new Uint8Array(1024 * 1024).fill(0x78);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(head);
        sent += head.length;
        return;
      }
      const left = size - sent - tail.length;
      if (left <= 0) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
      controller.enqueue(part);
      sent += part.length;
    },
  });
}

async function uploadOnce(origin, group, cookie, MB) {
  const idle = workerdRss(group);
  const size = MB * 1024 * 1024;
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, workerdRss(group));
  }, 10);
  const started = performance.now();
  const res = await fetch(
    `${origin}/api/events/${SLUG}/people/${PERSON}/materials/file?title=Bench&visibility=organisers&filename=bench.pdf`,
    {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/octet-stream', 'content-length': String(size) },
      body: pdfStream(size),
      duplex: 'half',
    },
  );
  const body = await res.json();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, workerdRss(group));
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body)}`);
  const mb = (b) => Math.round((b / 1024 / 1024) * 10) / 10;
  return {
    fileMB: MB,
    seconds: Math.round(seconds * 100) / 100,
    throughputMBps: Math.round((MB / seconds) * 10) / 10,
    workerdIdleRssMB: mb(idle),
    workerdPeakRssMB: mb(peak),
    peakGrowthMB: mb(peak - idle),
  };
}

const { origin, group, stop } = await startApp();
try {
  const cookie = await organiserCookie(origin);
  // A first small upload warms the Worker and the local R2, so the runs below measure uploading, not start-up.
  await uploadOnce(origin, group, cookie, 1);
  const results = [];
  for (const mb of SIZES) {
    await new Promise((r) => setTimeout(r, 2000));
    results.push(await uploadOnce(origin, group, cookie, mb));
  }
  console.table(results);
  console.log(JSON.stringify(results));
} finally {
  stop();
}
