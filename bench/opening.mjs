// Registration opening: `count` registrations for `seats` seats, as after the announcement in WeChat groups, from
// distinct client addresses (the rate limiter keys on CF-Connecting-IP), at 10 and then 50 connections on fresh
// events; meanwhile the public event page is polled as visitors would see it. `node bench/opening.mjs [count]`
// runs it alone on a fresh local D1 with 20,000 registrations in the bench event, and the offline snapshot at that
// size; `node bench/opening.mjs 20000 send` measures the announcement send request's CPU to all of them instead.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { parseMeter } from './load.mjs';

const round = (n, d = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : null);
const POLL_MS = 250;

/** The fresh published events the opening fills, one per concurrency, each with `seats` seats. */
export const openingEvent = (connections) => ({ id: `evt_opening_${connections}`, slug: `opening-${connections}` });

/** A SQL file creating the opening's events (run with the other seed files, before the Worker starts). */
export function openingSqlFile(dir, seats, concurrencies) {
  mkdirSync(dir, { recursive: true });
  const startsAt = Date.now() + 30 * 86_400_000;
  const lines = concurrencies.map((n) => {
    const { id, slug } = openingEvent(n);
    return `INSERT INTO events (id, slug, title_zh, title_en, venue_zh, venue_en, timezone, starts_at, ends_at, capacity, status)
VALUES ('${id}', '${slug}', '全国大会', 'National congress', '会议中心', 'Congress centre', 'Asia/Shanghai', ${startsAt}, ${startsAt + 8 * 3_600_000}, ${seats}, 'published');`;
  });
  const file = join(dir, 'opening-events.sql');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** A client address per person (a few share a hospital's address, within the per-address limit). */
const addressOf = (n) => {
  const k = n % 7 === 0 ? Math.floor(n / 7) % 64 : n + 1000;
  return `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;
};

function autocannonRun(opts) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    autocannon({ ...opts, excludeErrorStats: false }, (err, result) =>
      err ? reject(err) : resolve({ result, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

/**
 * One opening on a fresh event at `connections`: every answer's status, the seats sold, D1 rows written per
 * registration, throughput against /api/health at the same concurrency, and what the event page showed meanwhile.
 * Every 50th request repeats an earlier person's email (a double tap): the answer must be 409, not a second seat.
 */
async function openingAt(origin, { count, seats, connections, baselineSeconds }) {
  const { slug } = openingEvent(connections);
  const base = await autocannonRun({ url: `${origin}/api/health`, connections, duration: baselineSeconds });
  const baselineRps = base.result.requests.total / baselineSeconds;

  let sent = 0;
  const statuses = {};
  const confirmedAt = [];
  let waitlisted = 0;
  let rowsWritten = 0;
  let metered = 0;
  const polls = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const res = await fetch(`${origin}/api/events/${slug}`);
      const body = await res.json().catch(() => ({}));
      const m = parseMeter(res);
      polls.push({ t: performance.now(), seatsLeft: body.event?.seatsLeft ?? body.seatsLeft, d1: m });
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  const started = performance.now();
  const run = await autocannonRun({
    url: origin,
    connections,
    pipelining: 1,
    timeout: 30,
    amount: count,
    requests: [
      {
        setupRequest: (req) => {
          const n = sent++;
          const person = n % 50 === 49 ? n - 25 : n;
          return {
            ...req,
            method: 'POST',
            path: `/api/events/${slug}/registrations`,
            headers: { 'content-type': 'application/json', origin, 'cf-connecting-ip': addressOf(n) },
            body: JSON.stringify({
              name: `参会者${person}`,
              email: `opening.${connections}.${person}@example.org`,
              phone: `139${String(person).padStart(8, '0')}`,
              affiliation: '北京协和医院',
              locale: 'zh-CN',
              consent: true,
            }),
          };
        },
        onResponse: (status, body, _context, headers) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          const timing = /rows_written=(\d+)/.exec(headers?.['server-timing'] ?? '');
          if (status === 201) {
            if (timing) {
              rowsWritten += Number(timing[1]);
              metered++;
            }
            const s = /"status":"(\w+)"/.exec(body)?.[1];
            if (s === 'confirmed') confirmedAt.push(performance.now());
            else if (s === 'waitlisted') waitlisted++;
          }
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  polling = false;
  await poller;
  // Staleness of a poll: how long ago the figure it showed stopped being true (the next seat was sold).
  confirmedAt.sort((a, b) => a - b);
  let maxStaleMs = 0;
  for (const p of polls) {
    if (typeof p.seatsLeft !== 'number') continue;
    const next = confirmedAt[seats - p.seatsLeft];
    if (next !== undefined && next < p.t) maxStaleMs = Math.max(maxStaleMs, p.t - next);
  }
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  const rps = answered / seconds;
  return {
    connections,
    registrations: count,
    seats,
    seconds: round(seconds, 1),
    rps: round(rps, 1),
    baselineRps: round(baselineRps, 1),
    xBaseline: round(rps / baselineRps, 2),
    p50: run.result.latency.p50,
    p99: run.result.latency.p99,
    statuses,
    confirmed: confirmedAt.length,
    waitlisted,
    oversold: Math.max(0, confirmedAt.length - seats),
    status5xx: Object.entries(statuses)
      .filter(([s]) => Number(s) >= 500)
      .reduce((a, [, n]) => a + n, 0),
    other: answered - (statuses[201] ?? 0) - (statuses[409] ?? 0),
    errors: run.result.errors + run.result.timeouts,
    rowsWrittenPerRegistration: metered ? round(rowsWritten / metered, 2) : null,
    eventPage: {
      polls: polls.length,
      fromCache: polls.filter((p) => p.d1 && p.d1.roundTrips === 0).length,
      withD1Reads: polls.filter((p) => p.d1 && p.d1.rowsRead > 0).length,
      maxStaleSeconds: round(maxStaleMs / 1000, 2),
      finalSeatsLeft: polls.at(-1)?.seatsLeft ?? null,
    },
  };
}

/** The opening at each concurrency, on its own event (created by openingSqlFile before the Worker started). */
export async function openingFigures(origin, { count, seats, concurrencies = [10, 50], baselineSeconds = 2 }) {
  const runs = [];
  for (const connections of concurrencies)
    runs.push(await openingAt(origin, { count, seats, connections, baselineSeconds }));
  return { status: 'measured', runs };
}

/** The Worker process's CPU per announcement send to everyone, beside the baseline under the same meter. */
export async function sendCpu(origin, cookie, pgid, samples) {
  const { snapshot, usage } = await import('./cpu.mjs');
  const { SLUG } = await import('./seed.mjs');
  const send = () =>
    fetch(`${origin}/api/events/${SLUG}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie },
      body: JSON.stringify({ audience: { type: 'attendees' }, subject: 'Notice {{name}}', body: 'Dear {{name}}.' }),
    });
  const metered = async (fn) => {
    const before = snapshot([pgid]);
    for (let i = 0; i < samples; i++) await (await fn()).arrayBuffer();
    const cpu = usage(before, snapshot([pgid]));
    return cpu ? round(cpu.workerCpuMs / samples) : null;
  };
  const baseline = await metered(() => fetch(`${origin}/api/health`));
  const probe = await send();
  await probe.arrayBuffer();
  return { status: probe.status, samples, workerCpuMsPerRequest: await metered(send), baseline };
}

/** What makes the run itself wrong, whatever its speed: a seat sold twice, a 5xx, an answer neither 201 nor 409. */
export function openingProblems(o) {
  if (o?.status !== 'measured') return [`registration opening: ${o?.note ?? 'not measured'}`];
  const out = [];
  for (const x of o.runs) {
    const at = `registration opening at ${x.connections} connections`;
    if (x.oversold) out.push(`${at}: ${x.oversold} more confirmed than the ${x.seats} seats`);
    if (x.status5xx || x.other || x.errors)
      out.push(
        `${at}: ${x.status5xx} × 5xx, ${x.other} other answers, ${x.errors} errors ${JSON.stringify(x.statuses)}`,
      );
    if (x.confirmed !== Math.min(x.seats, x.registrations - (x.statuses[409] ?? 0)))
      out.push(`${at}: ${x.confirmed} confirmed, expected every seat filled`);
  }
  return out;
}

const f = (n, d = 1) =>
  n === null || n === undefined
    ? '–'
    : Number(n).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** The target rows (report.mjs's evaluateTargets). */
export function openingTargets(o, verdict) {
  if (o?.status !== 'measured') return [];
  const runs = o.runs;
  const first = runs[0];
  return [
    {
      target: `Registration opening: ${f(first.registrations, 0)} for ${f(first.seats, 0)} seats from distinct addresses, never oversold, every answer 201 or 409, none 5xx`,
      figure: runs
        .map(
          (x) =>
            `at ${x.connections} connections: ${f(x.confirmed, 0)} confirmed, ${f(x.waitlisted, 0)} waitlisted, ${f(x.statuses[409] ?? 0, 0)} × 409 (repeated emails), ${x.status5xx} × 5xx, ${x.other} other, ${f(x.seconds, 1)} s (${f(x.rps)} req/s, ${f(x.xBaseline, 2)}× baseline), ${f(x.rowsWrittenPerRegistration, 1)} D1 rows written per registration`,
        )
        .join('; '),
      status: verdict(runs.every((x) => !x.oversold && !x.status5xx && !x.other && !x.errors)),
    },
    {
      target: 'Event page during the opening: served from the edge cache (0 D1 reads), seats left at most 5 s stale',
      figure: runs
        .map(
          (x) =>
            `at ${x.connections} connections: ${x.eventPage.fromCache} of ${x.eventPage.polls} polls with no D1 call (${x.eventPage.withD1Reads} read D1: one per 4 s cache lifetime), seats left at most ${f(x.eventPage.maxStaleSeconds, 1)} s stale`,
        )
        .join('; '),
      status: verdict(runs.every((x) => x.eventPage.maxStaleSeconds <= 5 && x.eventPage.fromCache > 0)),
    },
  ];
}

/** The measurement table's row (report.mjs's renderMarkdown). */
export function openingRows(o) {
  if (o?.status !== 'measured') return [];
  return o.runs.map(
    (x) =>
      `| Registration opening at ${x.connections} connections (${f(x.registrations, 0)} for ${f(x.seats, 0)} seats, one address each) | ${f(x.rps)} req/s, ${f(x.xBaseline, 2)}× the baseline at ${x.connections} (${f(x.baselineRps)} req/s), p50 ${f(x.p50, 0)} ms, p99 ${f(x.p99, 0)} ms; ${f(x.confirmed, 0)} confirmed, ${f(x.waitlisted, 0)} waitlisted, ${f(x.statuses[409] ?? 0, 0)} × 409, ${x.status5xx} × 5xx; ${f(x.rowsWrittenPerRegistration, 1)} D1 rows written per registration; event page: ${x.eventPage.fromCache}/${x.eventPage.polls} polls from the cache, at most ${f(x.eventPage.maxStaleSeconds, 1)} s stale |`,
  );
}

const NO_CONSUMER = `.wrangler-bench-${process.pid}.toml`;

/**
 * wrangler.toml without the outbox queue's consumer (beside it, so its relative paths hold; removed afterwards): the
 * announcement send request's CPU measured alone, since the fan-out of the first sends would otherwise run in the
 * same workerd 2 s later and count against the later ones (20 sends to 20,000 came out at 317 ms each that way).
 */
export function withoutOutboxConsumer() {
  const toml = readFileSync('wrangler.toml', 'utf8');
  const trimmed = toml.replace(/\[\[queues\.consumers\]\][^[]*?queue = "colloquy-outbox"[^[]*/, '');
  if (trimmed === toml) throw new Error('wrangler.toml: no consumer for colloquy-outbox to leave out');
  writeFileSync(NO_CONSUMER, trimmed);
  process.once('exit', () => rmSync(NO_CONSUMER, { force: true }));
  return NO_CONSUMER;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const total = Number(process.argv[2] ?? 20_000);
  const { prepareLocalDatabase } = await import('../scripts/local-db.mjs');
  const { executeSqlFiles, generateRegistrations, registrationSqlFiles, SLUG } = await import('./seed.mjs');
  const { startWorker } = await import('./server.mjs');
  const { signIn } = await import('./session.mjs');
  const { snapshotFigures } = await import('./snapshot.mjs');
  const tmp = join('bench/.tmp', `opening-${process.pid}`);
  const persistTo = join(tmp, 'state');
  mkdirSync(tmp, { recursive: true });
  let server;
  try {
    prepareLocalDatabase(persistTo);
    const regs = generateRegistrations(total);
    executeSqlFiles(
      [...registrationSqlFiles(regs, join(tmp, 'sql'), total * 2), openingSqlFile(join(tmp, 'sql'), 3000, [10, 50])],
      persistTo,
    );
    // The send request alone: no fan-out runs beside it.
    server = await startWorker({ persistTo, config: process.argv[3] === 'send' ? withoutOutboxConsumer() : undefined });
    const organiser = await signIn(server.origin, 'organiser@colloquy.test');
    const desk = await signIn(server.origin, 'desk@colloquy.test');
    const out = { registrations: total };
    if (process.argv[3] === 'send') {
      // Alone, first thing: the queue's fan-out of these sends starts 2 s later in the same workerd.
      console.log(
        JSON.stringify({ send: await sendCpu(server.origin, organiser, server.pgid, Number(process.argv[4] ?? 20)) }),
      );
    } else {
      const tail = regs.slice(-130, -30);
      out.snapshot = await snapshotFigures(server.origin, desk, {
        changes: tail.length,
        checkin: async (i) => {
          const res = await fetch(`${server.origin}/api/events/${SLUG}/checkins`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: server.origin, cookie: desk },
            body: JSON.stringify({
              code: `${server.origin}/t/${tail[i].ticketCode}`,
              deviceId: 'bench-snapshot',
              clientId: `bench-snapshot-${i}`,
              deskId: 'Desk 1',
            }),
          });
          await res.arrayBuffer();
        },
      });
      console.log(JSON.stringify({ snapshot: out.snapshot }));
      out.opening = await openingFigures(server.origin, { count: 5000, seats: 3000 });
      console.log(JSON.stringify(out, null, 2));
    }
  } finally {
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
    rmSync(NO_CONSUMER, { force: true });
  }
}
