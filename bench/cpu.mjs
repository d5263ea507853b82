// CPU accounting from /proc (Linux): how busy the machine is, and how much of that is other people's processes, so noisy figures get flagged.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const available = existsSync('/proc/stat');

function machine() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return { total, busy: total - f[3] - (f[4] ?? 0) };
}

/**
 * wrangler dev runs two workerd processes: its proxy, listening on the public port, and the one that runs this
 * Worker (with the local D1, the queue and the Cache API), which miniflare starts on port 0.
 */
const isWorkerProcess = (pid) => {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmd.includes('workerd') && cmd.includes('entry=127.0.0.1:0\0');
  } catch {
    return false;
  }
};

/**
 * utime + stime (clock ticks) of this process and of every process in the given process groups; `server` counts
 * only the groups, `worker` only the Worker's own workerd process among them.
 */
function ours(pgids) {
  let ticks = 0;
  let server = 0;
  let worker = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
    const t = Number(f[11]) + Number(f[12]);
    if (pgids.includes(Number(f[2]))) {
      server += t;
      if (isWorkerProcess(pid)) worker += t;
    }
    if (Number(pid) === process.pid || pgids.includes(Number(f[2]))) ticks += t;
  }
  return { ticks, server, worker };
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function snapshot(pgids = []) {
  if (!available) return null;
  const o = ours(pgids);
  return { ...machine(), ours: o.ticks, server: o.server, worker: o.worker };
}

/** Between two snapshots: busy share of the whole machine, and the share used by processes that are not the bench's. */
export function usage(a, b) {
  if (!a || !b || b.total <= a.total) return null;
  const total = b.total - a.total;
  const busy = (b.busy - a.busy) / total;
  const foreign = Math.max(0, (b.busy - a.busy - (b.ours - a.ours)) / total);
  return {
    busyPct: Math.round(busy * 100),
    foreignPct: Math.round(foreign * 100),
    serverCpuMs: (b.server - a.server) * TICK_MS,
    workerCpuMs: (b.worker - a.worker) * TICK_MS,
  };
}

/** Waits (at most maxMs) until the whole machine is below `maxBusyPct` busy over a 500 ms window; returns the last reading. */
export async function waitForQuiet(pgids, { maxMs, maxBusyPct = 25 }) {
  if (!available || maxMs <= 0) return null;
  const deadline = Date.now() + maxMs;
  let last = null;
  do {
    const a = snapshot(pgids);
    await new Promise((r) => setTimeout(r, 500));
    last = usage(a, snapshot(pgids));
    if (last && last.busyPct < maxBusyPct) return { ...last, quiet: true };
  } while (Date.now() < deadline);
  return { ...last, quiet: false };
}
