// Load and cost measurement for one route: autocannon at a fixed concurrency after a warm-up, plus the D1 meter from Server-Timing.
import autocannon from 'autocannon';

const round = (n, d = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : null);

/** One autocannon run; `maxSeconds` stops it whatever happens (a hung server, a route slower than expected). */
function runAutocannon(opts, maxSeconds) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon({ ...opts, excludeErrorStats: false }, (err, result) =>
      err ? reject(err) : resolve({ result, elapsed: (performance.now() - started) / 1000 }),
    );
    const timer = setTimeout(() => instance.stop(), maxSeconds * 1000);
    instance.once('done', () => clearTimeout(timer));
  });
}

/**
 * route: { name, path, method?, headers?, next?() -> { path?, body?, headers? } per request, expect: [statuses], slow? }
 * Runs a warm-up (discarded) then the measured run, both at `connections`. Routes marked `slow` (a request takes
 * seconds) run a fixed number of requests instead of a fixed time, so the window always completes some.
 */
export async function loadRoute(origin, route, opts, hooks = {}) {
  const { connections, warmupSeconds, seconds } = opts;
  const base = { method: route.method ?? 'GET', path: route.path, headers: route.headers ?? {} };
  const requests = [
    {
      setupRequest: (req) => {
        const extra = route.next?.() ?? {};
        return { ...req, ...base, ...extra, headers: { ...base.headers, ...(extra.headers ?? {}) } };
      },
      ...(route.onResponse ? { onResponse: route.onResponse } : {}),
    },
  ];
  const common = {
    url: origin,
    connections,
    pipelining: 1,
    timeout: 30,
    requests,
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
  };
  const slow = route.slow && opts.slowAmount;
  const maxSeconds = slow ? opts.slowMaxSeconds : seconds + 40;
  if (slow)
    await runAutocannon({ ...common, amount: Math.max(connections, Math.round(opts.slowAmount / 3)) }, maxSeconds); // warm-up
  else if (warmupSeconds > 0) await runAutocannon({ ...common, duration: warmupSeconds }, maxSeconds);
  route.resetCounters?.();
  hooks.beforeMeasure?.();
  const { result: r, elapsed } = await runAutocannon(
    slow ? { ...common, amount: opts.slowAmount } : { ...common, duration: seconds },
    maxSeconds,
  );
  hooks.afterMeasure?.();
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([s, v]) => [s, v.count]));
  const expected = Object.entries(statuses)
    .filter(([s]) => (route.expect ?? [200]).includes(Number(s)))
    .reduce((n, [, c]) => n + c, 0);
  return {
    connections,
    mode: slow ? `${opts.slowAmount} requests` : `${seconds} s`,
    seconds: round(elapsed, 1),
    requests: r.requests.total,
    rps: round(r.requests.total / (slow ? elapsed : seconds), 1),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    maxMs: r.latency.max,
    statuses,
    unexpected: r.requests.total - expected,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

const METER = /round_trips=(\d+) rows_read=(\d+) rows_written=(\d+)/;
const PER_STATEMENT = /d1w;desc="([\d+]+)"/;

/**
 * Parses the development-only `Server-Timing: d1;desc="round_trips=… rows_read=… rows_written=…"` header, and
 * `d1w;desc="0+7+3"` (each statement's rows written, in order) when the request wrote.
 */
export function parseMeter(res) {
  const header = res.headers.get('server-timing') ?? '';
  const m = METER.exec(header);
  const w = PER_STATEMENT.exec(header);
  return m
    ? {
        roundTrips: Number(m[1]),
        rowsRead: Number(m[2]),
        rowsWritten: Number(m[3]),
        written: w ? w[1].split('+').map(Number) : [],
      }
    : null;
}

/** Sends `count` requests one at a time (after one unmetered priming request; at least 3, and fewer if they take over maxMs) and averages the D1 meter. */
export async function sampleCost(origin, route, count, maxMs = 5000) {
  const send = async () => {
    const extra = (route.sampleNext ?? route.next)?.() ?? {};
    const res = await fetch(origin + (extra.path ?? route.path), {
      method: route.method ?? 'GET',
      headers: { ...(route.headers ?? {}), ...(extra.headers ?? {}) },
      body: extra.body ?? route.body,
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    return res;
  };
  await send(); // primes per-isolate caches (e.g. the staff session), which stay warm for 30 s
  const samples = [];
  const statuses = {};
  const deadline = Date.now() + maxMs;
  for (let i = 0; i < count && (i < 3 || Date.now() < deadline); i++) {
    const res = await send();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    const m = parseMeter(res);
    if (m) samples.push(m);
  }
  const avg = (k) => (samples.length ? round(samples.reduce((a, s) => a + s[k], 0) / samples.length, 2) : null);
  const max = (k) => (samples.length ? Math.max(...samples.map((s) => s[k])) : null);
  return {
    samples: samples.length,
    statuses,
    roundTrips: avg('roundTrips'),
    rowsRead: avg('rowsRead'),
    rowsWritten: avg('rowsWritten'),
    maxRoundTrips: max('roundTrips'),
    maxRowsRead: max('rowsRead'),
    maxRowsWritten: max('rowsWritten'),
    // Each statement's rows written in the sample that wrote the most (a route's statements come in a fixed order).
    writtenByStatement: samples.length ? samples.reduce((a, s) => (s.rowsWritten > a.rowsWritten ? s : a)).written : [],
  };
}
