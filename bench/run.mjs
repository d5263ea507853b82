// `npm run bench`: the real Worker in workerd with 10,000 registrations; writes bench/results.{json,md} and the README table. `--smoke`: a tiny run that checks the bench works.
// Exit code: non-zero when the bench had problems (a route missing or answering wrongly, a measurement missing) or,
// in a full run, when a target is missed; `--report-only` reports misses without failing. `--judge <results.json>`
// judges a saved report the same way, without running anything.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareLocalDatabase } from '../scripts/local-db.mjs';
import { workerBundleSize } from './bundle.mjs';
import { certificateTiming } from './certificate.mjs';
import { snapshot, usage, waitForQuiet } from './cpu.mjs';
import { resendCallsFor } from './email.mjs';
import { snapshotFigures } from './snapshot.mjs';
import { announcementFigures, confirmationRushFigures } from './rush.mjs';
import { openingFigures, openingProblems, openingSqlFile, withoutOutboxConsumer } from './opening.mjs';
import { loadRoute, parseMeter, sampleCost } from './load.mjs';
import { measurePages } from './pages.mjs';
import { compareDecoders } from './decoders.mjs';
import { qrDecodeTiming, qrEncodeTiming } from './qr.mjs';
import { combineRuns, evaluateTargets, judge, renderMarkdown, updateReadme } from './report.mjs';
import { buildRoutes, issueBenchCertificates, searchQueriesFrom, UNLIMITED_SEARCH } from './routes.mjs';
import { executeSqlFiles, generateRegistrations, prng, registrationSqlFiles, SLUG } from './seed.mjs';
import { startWorker } from './server.mjs';

const smoke = process.argv.includes('--smoke');
const reportOnly = process.argv.includes('--report-only');
const judgeFile = process.argv.includes('--judge') ? process.argv[process.argv.indexOf('--judge') + 1] : null;
const keep = process.argv.includes('--keep'); // keep bench/.tmp/<run>/ (database, bundle, SQL) for a look afterwards
// `--runs 2` (or --runs=2): the whole bench that many times in a row; a target is met only if every run meets it.
const runsArg =
  process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ??
  (process.argv.includes('--runs') ? process.argv[process.argv.indexOf('--runs') + 1] : '1');
const runs = Math.max(1, Number(runsArg) || 1);
const config = smoke
  ? {
      // Enough tickets that the check-in load (about 1,200 scans here on a quiet machine) never runs out of fresh ones.
      registrations: 3000,
      capacity: 20_000,
      connections: 10,
      warmupSeconds: 0.5,
      seconds: 1.5,
      pairWarmupSeconds: 0.2,
      pairSeconds: 1,
      singleSeconds: 0.5,
      rounds: 2,
      writeRounds: 2,
      roundSeconds: 0.5,
      writeRoundSeconds: 0.5,
      csvPageRows: 50,
      slowAmount: 10,
      slowMaxSeconds: 20,
      costSamples: 5,
      quietMaxSeconds: 0,
      qrRuns: 50,
      decodeRuns: 3,
      recipients: 1000,
      rushConfirmations: 300,
      announcementRecipients: 1000,
      sendSamples: 5,
      opening: { count: 300, seats: 180, baselineSeconds: 1 },
    }
  : {
      registrations: 10_000,
      capacity: 20_000,
      connections: 10,
      warmupSeconds: 2,
      seconds: 8,
      pairWarmupSeconds: 1,
      pairSeconds: 4,
      singleSeconds: 8,
      rounds: 3,
      roundSeconds: 4,
      // A writing route is judged against the one-row write in 5 windows, 12 s of measured load in all as in 3 windows
      // of 4 s (a check-in spends one seeded ticket per request, and the 9,970 must last).
      writeRounds: 5,
      writeRoundSeconds: 2.4,
      csvPageRows: 250,
      slowAmount: 20,
      slowMaxSeconds: 30,
      costSamples: 20,
      quietMaxSeconds: 3,
      qrRuns: 500,
      decodeRuns: 20,
      recipients: 1000,
      rushConfirmations: 5000,
      announcementRecipients: 20_000,
      sendSamples: 20,
      opening: { count: 5000, seats: 3000, baselineSeconds: 2 },
    };
const outDir = smoke ? 'bench/.tmp/smoke' : 'bench';
const tmpFor = (run) => join('bench/.tmp', `${smoke ? 'smoke' : 'full'}-${process.pid}-${run}`);
let tmp = tmpFor(1);
const log = (...a) => console.log(`[bench ${(performance.now() / 1000).toFixed(0).padStart(3)} s]`, ...a);
const git = (...args) => spawnSync('git', args, { encoding: 'utf8' }).stdout?.trim() ?? '';

let server;
async function cleanup() {
  await server?.stop();
  if (!keep) rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the Worker`);
    cleanup().finally(() => process.exit(130));
  });
}

/** The runs, one after another, each on a fresh database; then one report (report.mjs combineRuns). */
async function main() {
  const reports = [];
  for (let run = 1; run <= runs; run++) {
    if (run > 1) {
      if (!keep) rmSync(tmp, { recursive: true, force: true });
      tmp = tmpFor(run);
      log(`run ${run} of ${runs}`);
    }
    reports.push(await measure());
  }
  const report = combineRuns(reports);
  report.targets = report.runs ? report.targets : evaluateTargets(report);
  report.failures = judge(report, { smoke, reportOnly });
  const md = renderMarkdown(report);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(outDir, 'results.md'), resultsPage(md));
  if (!smoke) {
    updateReadme('README.md', readmeIntro() + md);
  }
  formatted([join(outDir, 'results.json'), join(outDir, 'results.md')]);
  console.log(`\n${md}`);
  log(
    `wrote ${join(outDir, 'results.json')} and ${join(outDir, 'results.md')}${smoke ? '' : ' and the README section'}`,
  );
  return verdict(report);
}

/** One whole run: build, seed, serve, measure; returns its report (targets evaluated, nothing written). */
async function measure() {
  const problems = [];
  mkdirSync(tmp, { recursive: true });
  const persistTo = join(tmp, 'state');

  if (!smoke || !existsSync('dist/index.html')) {
    log('building the web app');
    const b = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
    if (b.status !== 0) throw new Error(`vite build failed (exit ${b.status})`);
  }

  // A snapshot of the app as it is now: the web build copied and the Worker bundled (what `wrangler deploy` would upload).
  // Others may edit worker/ and rebuild dist/ meanwhile; the bench keeps measuring this snapshot.
  log('bundling the Worker (wrangler deploy --dry-run)');
  const assets = join(tmp, 'dist');
  cpSync('dist', assets, { recursive: true });
  const bundle = workerBundleSize(join(tmp, 'bundle'));

  log(`preparing the database: migrations, demo seed, ${config.registrations} registrations`);
  prepareLocalDatabase(persistTo);
  const regs = generateRegistrations(config.registrations);
  executeSqlFiles(
    [
      ...registrationSqlFiles(regs, join(tmp, 'sql'), config.capacity),
      openingSqlFile(join(tmp, 'sql'), config.opening.seats, [10, 50]),
    ],
    persistTo,
  );

  log('starting wrangler dev');
  const workerOptions = {
    persistTo,
    script: join(tmp, 'bundle', bundle.main),
    assets,
    // The outbox consumer paused: a confirmation is sent by another invocation in production, and its cost has a
    // row of its own (bench/rush.mjs), not a share of the registration route's throughput.
    vars: { RATE_LIMIT_PER_MINUTE: '100000000', OUTBOX_PAUSED: 'true', ...UNLIMITED_SEARCH },
  };
  server = await startWorker(workerOptions);
  const { origin } = server;
  log(`Worker up at ${origin}; signing in desk and organiser`);
  const deskCookie = await (await import('./session.mjs')).signIn(origin, 'desk@colloquy.test');
  const organiserCookie = await (await import('./session.mjs')).signIn(origin, 'organiser@colloquy.test');

  // Sanity: the seeded people are there and the desk finds them.
  const probe = await fetch(`${origin}/api/events/${SLUG}/attendees?q=${encodeURIComponent(regs[0].email)}`, {
    headers: { cookie: deskCookie },
  });
  const found = probe.ok ? ((await probe.json()).attendees ?? []) : [];
  if (!found.length) throw new Error(`desk search does not find the seeded registrations (HTTP ${probe.status})`);

  // Page weight first, while nothing else runs.
  log('measuring page weight in Chromium');
  const pages = await measurePages(origin, [
    { key: 'public', path: '/', waitFor: 'h1' },
    { key: 'ticket', path: `/t/${regs[0].ticketCode}`, label: '/t/:code' },
    { key: 'desk', path: `/desk/${SLUG}`, cookie: deskCookie },
    {
      key: 'portal',
      path: await (await import('./portal.mjs')).portalPath(origin, organiserCookie),
      label: '/portal/:token',
      waitFor: 'h1',
    },
  ]);
  for (const [k, p] of Object.entries(pages)) if (!p.jsGzipKB) problems.push(`page ${k}: no JS measured`);
  if (pages.desk.finalPath.startsWith('/sign-in'))
    problems.push('desk page redirected to sign-in: the session cookie was not accepted');

  // The offline desk's first download and its delta after 100 check-ins, before any load has checked anyone in.
  log('offline snapshot: first download and the delta after 100 check-ins');
  let snapshotSize = null;
  try {
    const tail = regs.slice(-130, -30);
    snapshotSize = await snapshotFigures(origin, deskCookie, {
      changes: tail.length,
      checkin: async (i) => {
        const res = await fetch(`${origin}/api/events/${SLUG}/checkins`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, cookie: deskCookie },
          body: JSON.stringify({
            code: `${origin}/t/${tail[i].ticketCode}`,
            deviceId: 'bench-snapshot',
            clientId: `bench-snapshot-${i}`,
            deskId: 'Desk 1',
          }),
        });
        await res.arrayBuffer();
      },
    });
  } catch (e) {
    problems.push(`offline snapshot: ${String(e?.message ?? e).slice(0, 300)}`);
  }

  // Caching of the event API (ETag, 304).
  const first = await fetch(`${origin}/api/events/${SLUG}`);
  await first.arrayBuffer();
  const etag = first.headers.get('etag');
  let conditionalStatus = null;
  if (etag) {
    const again = await fetch(`${origin}/api/events/${SLUG}`, { headers: { 'if-none-match': etag } });
    await again.arrayBuffer();
    conditionalStatus = again.status;
  }
  const eventCaching = {
    etag,
    cacheControl: first.headers.get('cache-control'),
    conditionalStatus,
    serverTimingPresent: Boolean(parseMeter(first)),
  };
  if (!eventCaching.serverTimingPresent)
    problems.push('no Server-Timing D1 meter on responses: is APP_ENV development?');
  // Without an ETag (or a 304 for it) the repeat-view row cannot be measured: a missing measurement, not a skip.
  if (!etag) problems.push('Event page data: no ETag, so the repeat view (If-None-Match) cannot be measured');
  else if (conditionalStatus !== 304)
    problems.push(`Event page data: If-None-Match with its own ETag got HTTP ${conditionalStatus}, not 304`);

  // Routes.
  const sampleRegs = regs.slice(-Math.max(config.costSamples + 5, 30));
  const loadRegs = regs.slice(0, regs.length - sampleRegs.length);
  const runId = Date.now().toString(36);
  const csvCursor = await csvCursorAt(origin, organiserCookie, Math.floor(regs.length / 2));
  log('issuing certificates for the verification row');
  const certificateNumbers = await issueBenchCertificates(origin, organiserCookie, sampleRegs, 20);
  const routes = buildRoutes({
    origin,
    deskCookie,
    organiserCookie,
    loadRegs,
    sampleRegs,
    runId,
    searchQueries: searchQueriesFrom(regs, 200, prng(7)),
    csvCursor,
    csvPageRows: config.csvPageRows,
    certificateNumbers,
  });
  if (etag && conditionalStatus === 304) {
    routes.splice(routes.findIndex((x) => x.key === 'event') + 1, 0, {
      key: 'eventConditional',
      name: 'Event page data, repeat view',
      label: 'GET /api/events/:slug + If-None-Match',
      path: `/api/events/${SLUG}`,
      headers: { 'if-none-match': etag },
      expect: [304],
    });
  }
  // Every route is paired with a short baseline run just before it, and × baseline divides by that pair's figure:
  // on a shared machine other processes' load then weighs on both sides of the ratio alike.
  const baselineRoute = routes[0];
  /** A short run of a reference route (the baseline, or the one-row write), to bracket a measured route. */
  const pairRun = (at, reference) =>
    loadRoute(at, reference, {
      connections: config.connections,
      warmupSeconds: config.pairWarmupSeconds,
      seconds: config.pairSeconds,
    });
  const baselineRun = (at) => pairRun(at, baselineRoute);
  const meanRps = (a, b) => Math.round(((a.rps + b.rps) / 2) * 10) / 10;
  /** The two reference runs around a window, as the figure the window is divided by. */
  const bracket = (before, after) => ({
    rps: meanRps(before, after),
    before: before.rps,
    after: after.rps,
    requests: before.requests + after.requests,
    unexpected: before.unexpected + after.unexpected,
    statuses: [before.statuses, after.statuses],
  });
  // The writing routes are judged against the one-row write in the same windows (issue 21): each of their windows
  // is bracketed by write-reference runs too, so a slow minute of the machine weighs on both sides of that ratio.
  const writeRoute = routes.find((x) => x.key === 'd1Write');
  const results = [];
  const pgids = [server.pgid];
  for (const route of routes) {
    const base = { key: route.key, name: route.name, label: route.label };
    const quiet = await waitForQuiet(pgids, { maxMs: config.quietMaxSeconds * 1000 });
    // The probe: one request as the load will send them, whose answer must be the route's job done.
    const probeReq = (route.sampleNext ?? route.next)?.() ?? {};
    const probeRes = await fetch(origin + (probeReq.path ?? route.path), {
      method: route.method ?? 'GET',
      headers: { ...route.headers, ...probeReq.headers },
      body: route.method === 'POST' ? probeReq.body : undefined,
    });
    const probeText = await probeRes.text();
    if (probeRes.status === 404) {
      // A missing route is a failure of the bench's subject, not a row to leave out.
      problems.push(`${route.name}: ${route.label} is missing (HTTP 404)`);
      results.push({ ...base, status: 'missing (HTTP 404)' });
      continue;
    }
    if (!(route.expect ?? [200]).includes(probeRes.status))
      problems.push(`${route.name}: probe got HTTP ${probeRes.status}, expected ${route.expect}`);
    else {
      const wrong = route.outcome?.(probeText);
      if (wrong) problems.push(`${route.name}: ${wrong}`);
    }
    log(
      `${route.name}: D1 cost over ${config.costSamples} requests, then ${route.slow ? `${Math.max(config.connections, Math.round(config.slowAmount / 3))} warm-up + ${config.slowAmount} measured requests` : `${config.warmupSeconds} s warm-up + ${config.seconds} s`} at ${config.connections} connections`,
    );
    const cost = await sampleCost(origin, route, config.costSamples, 3000);
    // Baseline runs just before and just after the route, and × baseline divides by their mean: the machine's speed
    // drifts (other tenants of the host), and bracketing the route cancels most of that drift. Routes with a
    // throughput target (and the references under them) run in `rounds` windows, each between two baseline runs
    // (baseline, route, baseline, route, …, baseline), and are judged on the median window: one window on a shared
    // 2-core machine can land anywhere within ±10 %.
    // A writing route, judged against the one-row write, runs in `writeRounds` shorter windows (baseline, write, route,
    // baseline, write, route, …, baseline, write). The write never runs straight after the route: whatever the route
    // leaves behind (garbage to collect, a WAL to checkpoint) lands on the baseline run, not on the reference.
    const pairedWithWrite = Boolean(writeRoute && route.judged && route !== writeRoute && cost.rowsWritten > 0);
    const rounds =
      route === baselineRoute ? 1 : pairedWithWrite ? config.writeRounds : route.judged ? config.rounds : 1;
    const windows = [];
    const counts = route.counts ? Object.fromEntries(Object.keys(route.counts).map((k) => [k, 0])) : null;
    let before = route === baselineRoute ? null : await baselineRun(origin);
    let writeBefore = pairedWithWrite ? await pairRun(origin, writeRoute) : null;
    for (let i = 0; i < rounds; i++) {
      let cpuBefore;
      let cpu = null;
      const opts =
        rounds > 1
          ? {
              ...config,
              seconds: pairedWithWrite ? config.writeRoundSeconds : config.roundSeconds,
              warmupSeconds: i === 0 ? config.warmupSeconds : config.pairWarmupSeconds,
            }
          : config;
      const load = await loadRoute(origin, route, opts, {
        beforeMeasure: () => {
          cpuBefore = snapshot(pgids);
        },
        afterMeasure: () => {
          cpu = usage(cpuBefore, snapshot(pgids));
        },
      });
      if (counts) for (const k of Object.keys(counts)) counts[k] += route.counts[k];
      const after = before ? await baselineRun(origin) : null;
      const pair = before && bracket(before, after);
      const writeAfter = writeBefore ? await pairRun(origin, writeRoute) : null;
      const write = writeBefore && bracket(writeBefore, writeAfter);
      windows.push({
        load,
        cpu,
        pair,
        write,
        xBaseline: pair ? load.rps / pair.rps : 1,
        xWrite: write ? load.rps / write.rps : null,
      });
      before = after;
      writeBefore = writeAfter;
    }
    if (counts) Object.assign(route.counts, counts);
    // The median window by the ratio the route is judged on: × write reference for a writing route, else × baseline.
    const judgedBy = (w) => (pairedWithWrite ? w.xWrite : w.xBaseline);
    const median = [...windows].sort((a, b) => judgedBy(a) - judgedBy(b))[Math.floor(windows.length / 2)];
    const { load, cpu, pair, write } = median;
    const entry = {
      ...base,
      status: 'measured',
      load,
      cost,
      cpu,
      quietBefore: quiet,
      pairedBaselineRps: pair ? pair.rps : load.rps,
      pairedBaselineRuns: pair ? [pair.before, pair.after] : undefined,
    };
    if (windows.length > 1)
      entry.windows = windows.map((w) => ({
        rps: w.load.rps,
        baselineRps: w.pair.rps,
        xBaseline: Math.round(w.xBaseline * 100) / 100,
        ...(w.write ? { writeRps: w.write.rps, xWrite: Math.round(w.xWrite * 100) / 100 } : {}),
        p50: w.load.p50,
        p99: w.load.p99,
      }));
    for (const w of windows)
      for (const [b, what] of [
        [w.pair, 'baseline'],
        [w.write, 'write-reference'],
      ])
        if (b && (b.unexpected || !b.requests))
          problems.push(`${route.name}: a paired ${what} run failed ${JSON.stringify(b.statuses)}`);
    if (write) {
      entry.pairedWriteRps = write.rps;
      entry.pairedWriteRuns = [write.before, write.after];
      entry.xWrite = Math.round((load.rps / write.rps) * 100) / 100;
    }
    // Server CPU per request: everything wrangler dev runs (its proxy Worker, this Worker, the local D1 and its
    // SQLite) divided by the requests served; an upper bound on what the Worker itself spends.
    if (cpu && load.requests) entry.serverCpuMsPerRequest = Math.round((cpu.serverCpuMs / load.requests) * 100) / 100;
    // The Worker's own workerd process alone (this Worker, the local D1 and its SQLite, the queue consumer): without
    // wrangler's proxy process, still an upper bound on the Worker's CPU, since a deployed D1 runs elsewhere.
    if (cpu?.workerCpuMs && load.requests)
      entry.workerCpuMsPerRequest = Math.round((cpu.workerCpuMs / load.requests) * 100) / 100;
    entry.xBaseline = Math.round((load.rps / entry.pairedBaselineRps) * 100) / 100;
    if (route.key === 'search') {
      // What one desk sees: searches one after another, with nothing else queued in front of them.
      entry.single = await loadRoute(origin, route, {
        connections: 1,
        warmupSeconds: 0.5,
        seconds: config.singleSeconds,
      });
      entry.baselineSingle = await loadRoute(origin, baselineRoute, {
        connections: 1,
        warmupSeconds: 0.5,
        seconds: config.singleSeconds,
      });
    }
    if (route.key === 'csvPage') {
      entry.wholeExport = await exportThroughPages(origin, organiserCookie, config.csvPageRows);
      // The pages appended must be the one-request file, byte for byte.
      const whole = Buffer.from(
        await (
          await fetch(`${origin}/api/events/${SLUG}/registrations.csv`, { headers: { cookie: organiserCookie } })
        ).arrayBuffer(),
      );
      entry.wholeExport.matchesWholeFile = whole.equals(entry.wholeExport.file);
      delete entry.wholeExport.file;
      if (!entry.wholeExport.matchesWholeFile)
        problems.push(
          `CSV pages: appended they are ${entry.wholeExport.megabytes} MB, not the ${whole.length / 1e6} MB the one-request export gives`,
        );
    }
    if (route.counts) {
      entry.checkinResults = { ...route.counts };
      if (!route.counts.checked_in)
        problems.push(`${route.name}: no scan in the measured window admitted anyone ${JSON.stringify(route.counts)}`);
      entry.note = `${int(route.counts.checked_in)} fresh check-ins, ${int(route.counts.already_checked_in)} repeat scans (already checked in)${route.counts.other ? `, ${int(route.counts.other)} other` : ''} in the measured window${rounds > 1 ? 's' : ''}; each scan is a distinct seeded ticket's QR URL with a new clientId until the ${int(loadRegs.length)} tickets run out.`;
    }
    if (route.slow)
      entry.note = `measured as ${load.mode} at ${load.connections} connections (${load.seconds} s) rather than a fixed ${config.seconds} s, because at this concurrency a single export can take longer than the window.`;
    if (route.key === 'search')
      entry.note = `${int(entry.single.rps)} req/s, p50 ${int(entry.single.p50)} ms, p99 ${int(entry.single.p99)} ms on 1 connection (the baseline on 1 connection: p50 ${int(entry.baselineSingle.p50)} ms, p99 ${int(entry.baselineSingle.p99)} ms); queries mix one CJK character (a surname), given names, Latin family names, name starts, parts of institutions, a phone's last 4 digits and whole e-mail addresses (node bench/search.mjs gives each kind's own figures).`;
    if (route.key === 'd1')
      entry.note =
        'a development-only route that runs `SELECT 1` as one D1 batch and answers: the floor under every route that touches D1 here, since the local D1 is a Durable Object with SQLite inside the same single-threaded workerd as the Worker.';
    if (route.key === 'd1Write')
      entry.note =
        'the same for a write: one D1 batch of one `UPDATE` that changes one row (a counter in a one-row, development-only table: one hot page). Its cost is the local write path (a SQLite write transaction, its WAL append and fsync, on the same thread as the Worker): the floor under every route that writes. Until this run it rewrote a row with its own value, and SQLite writes no page for an unchanged row (100 such updates add 0 bytes to the WAL; 100 that change a value add 412,000): that reference measured an empty write transaction, about 15 % cheaper than a real write of one hot row.';
    if (route.key === 'd1Insert')
      entry.note =
        "context for the write reference: one D1 batch of one `INSERT` of a new row with a random key into a table with one index (a development-only table), two b-tree entries, as a check-in wrote before migration 0022 and as a sign-in at an agenda item still writes. The write reference changes one hot row in place, as a check-in changes its registration's row; this is what a route that must add a row pays for the insert alone.";
    if (route.key === 'registrationRowWrite')
      entry.note =
        "context for the check-in: a change of one row, as the write reference makes, but of the row a check-in changes instead of one hot row: a registration found by its ticket code (its `updated_at` moved on by 1 ms), the check-in's tickets in its order. It is what a check-in pays for where its row lies (one of the seeded registrations, not the page the last request just wrote), before its own statement and route.";
    if (route.key === 'registrationStatements')
      entry.note =
        "context for the registration: its own batch of one statement (the registration's `INSERT … SELECT`, whose trigger queues its outbox email: 10 rows written), bound as the route binds it, through a development-only route with no validation, hashing, rate limit or queue around it. What the registration reaches is bounded by this.";
    if (route.key === 'csvPage')
      entry.note = `one ${int(config.csvPageRows)}-row page from the middle of the list (\`?limit=${config.csvPageRows}&after=…\`), as the console's CSV button asks for them. The whole ${int(entry.wholeExport.rows)}-row file through pages, one after another as the console does: ${int(entry.wholeExport.pages)} requests, ${fmt(entry.wholeExport.seconds)} s, ${fmt(entry.wholeExport.megabytes)} MB, the slowest page ${int(entry.wholeExport.slowestMs)} ms; appended, the pages ${entry.wholeExport.matchesWholeFile ? 'are' : 'are NOT'} the one-request file byte for byte.`;
    if (route.key === 'registration')
      entry.note =
        "unique e-mail per request. Each writes its confirmation to the outbox and puts its id on the OUTBOX queue (gathered in the isolate: up to 20 confirmations per queue message, at most 20 ms); the queue's consumer is paused here (`OUTBOX_PAUSED`, development only), since in production it runs in its own invocation: its cost per confirmation (CPU, D1 rows) has its own row below.";
    const sampleStatuses = Object.keys(cost.statuses)
      .map(Number)
      .filter((s) => !(route.expect ?? [200]).includes(s));
    if (!cost.samples) problems.push(`${route.name}: no Server-Timing D1 meter in the sampled responses`);
    if (sampleStatuses.length) problems.push(`${route.name}: cost samples got HTTP ${JSON.stringify(cost.statuses)}`);
    for (const { load: w } of windows) {
      if (!w.requests) problems.push(`${route.name}: autocannon completed no request`);
      else if (w.unexpected / w.requests > 0.01)
        problems.push(
          `${route.name}: ${w.unexpected} of ${w.requests} responses had an unexpected status ${JSON.stringify(w.statuses)}`,
        );
      if (w.errors + w.timeouts > Math.max(1, w.requests * 0.01))
        problems.push(`${route.name}: ${w.errors} errors, ${w.timeouts} timeouts`);
    }
    log(
      `  ${fmt(load.rps)} req/s${pair ? ` (${entry.xBaseline}× the paired baseline's ${fmt(pair.rps)}${entry.windows ? `; windows ${entry.windows.map((w) => `${w.xBaseline}×`).join(', ')}` : ''})` : ''}${write ? ` (${entry.xWrite}× the paired write reference's ${fmt(write.rps)}; windows ${entry.windows.map((w) => `${w.xWrite}×`).join(', ')})` : ''}, p50 ${load.p50} ms, p99 ${load.p99} ms; ${cost.roundTrips} round trips, ${cost.rowsRead} rows read, ${cost.rowsWritten} written${cpu ? `; machine ${cpu.busyPct} % busy, ${cpu.foreignPct} % by other processes` : ''}`,
    );
    results.push(entry);
  }

  // Certificate PDFs, one after another through a development-only route (the queue renders them in production):
  // CPU per certificate from the Worker's process, the first (font fetched and parsed) apart, and bytes per PDF.
  log('rendering certificates');
  let certificates;
  try {
    certificates = await certificateTiming(origin, server.pgid, smoke ? 5 : 50);
    if (certificates.status !== 'measured') problems.push(`certificates: ${certificates.status}`);
    else if (!certificates.textHasName || !certificates.textHasLevel)
      problems.push('certificates: pdf.js does not read 张晓林 and 国家级 back from the PDF');
  } catch (e) {
    certificates = { status: 'error', note: String(e?.message ?? e).slice(0, 300) };
    problems.push(`certificates: ${certificates.note}`);
  }
  if (certificates.status === 'measured')
    log(
      `  ${certificates.p50CpuMs} ms CPU p50, ${certificates.p99CpuMs} p99 warm; ${certificates.firstCpuMs} ms the first; ${certificates.bytesMean} bytes`,
    );

  // The evaluation results dashboard for 5,000 responses (bench/evaluation.ts): aggregated by the database, so the
  // Worker's CPU per request is what the grouped rows cost, timed apart from SQLite's.
  log('evaluation results dashboard');
  let evaluation;
  {
    const e = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bench/evaluation.ts'], {
      encoding: 'utf8',
      env: { ...process.env, RESPONSES: smoke ? '500' : '5000' },
    });
    try {
      evaluation = { status: 'measured', ...JSON.parse(e.stdout.trim().split('\n').at(-1)) };
      log(
        `  ${evaluation.cpuMsPerRequest} ms Worker CPU, ${evaluation.sqliteMs} ms SQLite, ${evaluation.rowsToWorker} rows`,
      );
      if (evaluation.cpuMsPerRequest > 10)
        problems.push(`evaluation: ${evaluation.cpuMsPerRequest} ms CPU, over the 10 ms budget`);
    } catch {
      evaluation = { status: 'error', note: (e.stderr || e.stdout || '').slice(-300) };
      problems.push(`evaluation: ${evaluation.note}`);
    }
  }

  // Fifty desks: the same check-in load at 50 connections, bracketed by baseline runs at 50, beside the 10-connection row.
  let checkin50 = null;
  const checkinRow = results.find((x) => x.key === 'checkin' && x.status === 'measured');
  if (checkinRow) {
    log('check-in at 50 connections');
    // At least 3 s a window: at 50 connections one request can take a second, and a shorter window completes none.
    const at50 = {
      connections: 50,
      warmupSeconds: Math.max(config.pairWarmupSeconds, 1),
      seconds: Math.max(config.pairSeconds, 3),
    };
    const before = await loadRoute(origin, baselineRoute, at50);
    const load = await loadRoute(
      origin,
      routes.find((x) => x.key === 'checkin'),
      {
        ...at50,
        // The same floor as the baseline runs: a smoke run's 0.5 s window can end before any request completes.
        seconds: Math.max(config.roundSeconds, 3),
      },
    );
    const after = await loadRoute(origin, baselineRoute, at50);
    const baselineRps = meanRps(before, after);
    checkin50 = {
      connections: 50,
      rps: load.rps,
      p50: load.p50,
      p99: load.p99,
      baselineRps,
      baselineP50: Math.round((before.p50 + after.p50) / 2),
      baselineP99: Math.max(before.p99, after.p99),
      xBaseline: Math.round((load.rps / baselineRps) * 100) / 100,
      at10: {
        rps: checkinRow.load.rps,
        p50: checkinRow.load.p50,
        p99: checkinRow.load.p99,
        xBaseline: checkinRow.xBaseline,
      },
    };
    if (!load.requests || load.unexpected / load.requests > 0.01)
      problems.push(
        `check-in at 50 connections: ${load.unexpected} of ${load.requests} responses had an unexpected status ${JSON.stringify(load.statuses)}`,
      );
    log(`  ${fmt(load.rps)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ${checkin50.xBaseline}× the baseline at 50`);
  }

  // The same check-in load once more with wrangler dev's local trace collector on (its default, which `npm start`
  // keeps): what the table above would say with it, for comparison. The state and sessions carry over.
  let tracing = null;
  let earlierLog = '';
  const checkinRoute = routes.find((x) => x.key === 'checkin');
  if (results.some((x) => x.key === 'checkin' && x.status === 'measured')) {
    log("check-in again with wrangler dev's local trace collector on");
    earlierLog = server.log();
    await server.stop();
    server = await startWorker({ ...workerOptions, tracing: true });
    const at = server.origin;
    // A new port, so a new origin for the same-origin check; the scanned QR URLs keep the old one (the code is what counts).
    const rebased = { ...checkinRoute, headers: { ...checkinRoute.headers, origin: at } };
    const before = await baselineRun(at);
    const load = await loadRoute(at, rebased, {
      ...config,
      seconds: config.roundSeconds,
      warmupSeconds: config.pairWarmupSeconds,
    });
    const baselineRps = meanRps(before, await baselineRun(at));
    tracing = {
      baselineRps,
      checkinRps: load.rps,
      p50: load.p50,
      p99: load.p99,
      xBaseline: Math.round((load.rps / baselineRps) * 100) / 100,
      checkinResults: { ...checkinRoute.counts },
    };
    if (!load.requests || load.unexpected / load.requests > 0.01)
      problems.push(
        `check-in with the trace collector on: ${load.unexpected} of ${load.requests} responses had an unexpected status ${JSON.stringify(load.statuses)}`,
      );
    log(`  with tracing: ${fmt(load.rps)} req/s, ${tracing.xBaseline}× the paired baseline's ${fmt(baselineRps)}`);
  }

  if (tracing) {
    earlierLog += server.log();
    await server.stop();
    server = await startWorker(workerOptions);
  }
  // Registration opening (bench/opening.mjs): a burst on fresh events at 10 and 50 connections, the event page polled;
  // before the announcement sends below, whose fan-out would then run in the same workerd.
  log(`registration opening: ${config.opening.count} for ${config.opening.seats} seats at 10 and 50 connections`);
  let opening;
  try {
    opening = await openingFigures(server.origin, config.opening);
  } catch (e) {
    opening = { status: 'error', note: String(e?.message ?? e).slice(0, 300) };
  }
  problems.push(...openingProblems(opening));
  // The send requests on a Worker without the outbox queue's consumer: the fan-out of the first sends would otherwise
  // run beside the later ones and count against them (bench/opening.mjs#withoutOutboxConsumer).
  earlierLog += server.log();
  await server.stop();
  server = await startWorker({ ...workerOptions, config: withoutOutboxConsumer() });
  const at = server.origin;
  // One announcement to everyone: the send request's own CPU, from the Worker process's meter over several sends made
  // back to back on that Worker (no trace collector, no fan-out), beside the same number of baseline requests.
  log(`announcement: CPU of ${config.sendSamples} send requests to all attendees`);
  const sendRequest = () =>
    fetch(`${at}/api/events/${SLUG}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: at, cookie: organiserCookie },
      body: JSON.stringify({
        audience: { type: 'attendees' },
        subject: 'Notice {{name}}',
        body: 'Dear {{name}}, see {{ticket_url}}.',
      }),
    });
  const metered = async (send) => {
    const before = snapshot([server.pgid]);
    const started = performance.now();
    for (let i = 0; i < config.sendSamples; i++) await (await send()).arrayBuffer();
    const cpu = usage(before, snapshot([server.pgid]));
    return {
      workerCpuMsPerRequest: cpu ? Math.round((cpu.workerCpuMs / config.sendSamples) * 100) / 100 : null,
      serverCpuMsPerRequest: cpu ? Math.round((cpu.serverCpuMs / config.sendSamples) * 100) / 100 : null,
      meanMs: Math.round(((performance.now() - started) / config.sendSamples) * 10) / 10,
      foreignPct: cpu?.foreignPct ?? null,
    };
  };
  const baselineCpu = await metered(() => fetch(at + baselineRoute.path, { headers: baselineRoute.headers }));
  const primed = await sendRequest();
  await primed.arrayBuffer();
  // The send answers before the queue counts the audience: the preview's count is the figure the organiser confirmed.
  const sendProbe = await (
    await fetch(`${at}/api/events/${SLUG}/messages/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: at, cookie: organiserCookie },
      body: JSON.stringify({ audience: { type: 'attendees' }, subject: 'Notice {{name}}', body: 'Dear {{name}}.' }),
    })
  )
    .json()
    .catch(() => ({}));
  if (primed.status !== 202) problems.push(`announcement send: HTTP ${primed.status}, expected 202`);
  const announcementSend = {
    samples: config.sendSamples,
    recipients: sendProbe.count ?? null,
    ...(await metered(sendRequest)),
    baseline: baselineCpu,
  };

  log('stopping the Worker');
  const serverLog = earlierLog + server.log();
  await server.stop();
  if (problems.length)
    console.error(`\nwrangler dev output (last lines):\n${serverLog.split('\n').slice(-40).join('\n')}`);

  log('timing QR encoding and decoding, counting Resend calls');
  const qrCpuBefore = snapshot();
  const qr = {
    encode: await qrEncodeTiming(config.qrRuns),
    decode: await qrDecodeTiming(config.decodeRuns),
    decoders: await compareDecoders(config.decodeRuns * 3),
  };
  qr.cpu = usage(qrCpuBefore, snapshot());
  let resend;
  try {
    resend = await resendCallsFor(config.recipients, { persistTo, scratch: tmp });
    if (resend.status === 'measured' && resend.messages !== config.recipients)
      problems.push(`Resend: ${resend.messages} of ${config.recipients} messages reached the (counted) Resend API`);
  } catch (e) {
    resend = { status: 'error', recipients: config.recipients, note: String(e?.message ?? e).slice(0, 300) };
    problems.push(`Resend calls: ${resend.note}`);
  }

  // Confirmations at Resend's pace and the announcement's delivery, in simulated time (bench/rush.mjs).
  let rush;
  let announcement;
  try {
    log(`simulated: ${config.rushConfirmations} confirmations queued at once, Resend at 2 requests/s`);
    rush = await confirmationRushFigures(config.rushConfirmations, { persistTo, scratch: tmp });
    log(`simulated: an announcement to ${config.announcementRecipients} attendees`);
    announcement = await announcementFigures(config.announcementRecipients, { persistTo, scratch: tmp });
  } catch (e) {
    problems.push(`rush: ${String(e?.message ?? e).slice(0, 300)}`);
  }
  if (announcement) announcement.send = announcementSend;

  const report = {
    mode: smoke ? 'smoke' : 'full',
    generatedAt: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain').length > 0,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model?.trim() ?? 'unknown',
      node: process.versions.node,
      wrangler: JSON.parse(readFileSync('node_modules/wrangler/package.json', 'utf8')).version,
    },
    config,
    routes: results,
    tracing,
    eventCaching,
    pages,
    qr,
    resend,
    certificates,
    evaluation,
    rush,
    announcement,
    checkin50,
    opening,
    snapshotSize,
    bundle,
    problems,
  };
  report.targets = evaluateTargets(report);
  return report;
}

/** The README's words above the tables (`## Benchmarks`). */
const readmeIntro = () =>
  `\`npm run bench\` bundles this Worker as \`wrangler deploy\` would, serves that bundle in workerd (\`wrangler dev --no-bundle\`, with wrangler's local trace collector off: see the notes) on a local D1 seeded with the demo seminar and ` +
  `${int(config.registrations)} registrations, loads each route with autocannon at a fixed concurrency after a warm-up, and writes ` +
  '`bench/results.json` and `bench/results.md`; the tables below are the latest full run. Figures are for one machine and compare ' +
  'routes with each other (× baseline, the trivial health route) and the writing routes with a bare one-row D1 write measured in the same windows ' +
  '(× write reference: each window of the route between two runs of the write, check-in ≥ 0.9×, registration ≥ 0.75×), the honest floor for a route that writes. ' +
  "The write changes one hot row in place (it must change it: SQLite writes nothing for a row rewritten with its own value); a bare insert of one new row with one index, what recording anything costs, is measured the same way beside it for context, and so is each judged route's own write with no route code around it: a registration's row changed as a check-in changes it, and the registration's own statement. " +
  '`npm run bench -- --runs 2` runs the whole bench twice in a row, ' +
  'reports the spread of each judged ratio, and meets a target only if both runs meet it. `node bench/run.mjs --smoke` is a short run that checks ' +
  'the bench and the routes work: it fails on a route that is missing (404) or answers with the wrong outcome (a check-in that admits ' +
  'nobody, a registration neither confirmed nor waitlisted) and on a missing measurement (no ETag, so no repeat-view row), but does not ' +
  'judge the targets (it writes `bench/.tmp/smoke/` and leaves this section alone). A full run also exits non-zero when a target is ' +
  'missed; `--report-only` only reports, and `--judge <results.json>` judges a saved run.\n\n';

/** Prints what failed and gives the exit code: 1 for any problem, missing measurement or (counted) missed target. */
function verdict(report) {
  if (report.problems.length)
    console.error(`\nThe bench itself had problems:\n${report.problems.map((p) => `- ${p}`).join('\n')}`);
  if (report.failures.length) console.error(`\nFailed:\n${report.failures.map((p) => `- ${p}`).join('\n')}`);
  const missed = report.targets.filter((t) => t.status === '❌ missed');
  if (missed.length && (smoke || reportOnly))
    console.error(
      `\n${missed.length} target(s) missed; ${smoke ? 'a smoke run is too short to judge them' : 'reported only (--report-only)'}.`,
    );
  return report.problems.length || report.failures.length ? 1 : 0;
}

/** `--judge <results.json>`: the saved report's targets evaluated again and judged as a full run would be. */
/** bench/results.md: the report's tables under a title. */
const resultsPage = (md) => `# Colloquy benchmark results\n\n${md}`;

/** The files as the repository's formatter wants them (npx biome check covers bench/). */
function formatted(paths) {
  spawnSync(process.execPath, ['node_modules/@biomejs/biome/bin/biome', 'format', '--write', ...paths], {
    stdio: 'ignore',
  });
}

function judgeSaved(file) {
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  const report = combineRuns(
    (saved.runs ?? [saved]).map((r) => {
      r.targets = evaluateTargets(r);
      return r;
    }),
  );
  report.failures = judge(report, { smoke: report.mode === 'smoke', reportOnly });
  for (const t of report.targets) console.log(`${t.status}  ${t.target}: ${t.figure}`);
  // `--readme`: the README's section rendered again from the saved run (after a change to the report's tables).
  if (process.argv.includes('--readme')) {
    const md = renderMarkdown(report);
    updateReadme('README.md', readmeIntro() + md);
    const page = file.replace(/\.json$/, '.md');
    writeFileSync(page, resultsPage(md));
    formatted([page]);
  }
  return verdict(report);
}

/** The cursor the CSV pages give for the row after the first `rows` (read with one large page). */
async function csvCursorAt(origin, cookie, rows) {
  const res = await fetch(`${origin}/api/events/${SLUG}/registrations.csv?limit=${rows}`, { headers: { cookie } });
  await res.arrayBuffer();
  const cursor = res.headers.get('x-next-cursor');
  if (!res.ok || !cursor) throw new Error(`CSV pages: no cursor after ${rows} rows (HTTP ${res.status})`);
  return cursor;
}

/** The whole CSV the way the console's button fetches it: page after page until there is no next cursor. */
async function exportThroughPages(origin, cookie, pageRows) {
  const started = performance.now();
  let after = null;
  let pages = 0;
  let bytes = 0;
  const parts = [];
  let rows = 0;
  let slowestMs = 0;
  do {
    const t = performance.now();
    const res = await fetch(
      `${origin}/api/events/${SLUG}/registrations.csv?limit=${pageRows}${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      { headers: { cookie } },
    );
    const body = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`CSV page ${pages + 1}: HTTP ${res.status}`);
    parts.push(body);
    if (!after) rows = Number(res.headers.get('x-total-count'));
    slowestMs = Math.max(slowestMs, performance.now() - t);
    bytes += body.length;
    after = res.headers.get('x-next-cursor');
    pages++;
  } while (after && pages < 10_000);
  return {
    pages,
    rows,
    seconds: (performance.now() - started) / 1000,
    megabytes: bytes / 1e6,
    slowestMs,
    file: Buffer.concat(parts),
  };
}

const fmt = (n) => (n ?? 0).toFixed(1);
const int = (n) => Math.round(n ?? 0).toLocaleString('en-US');

let code = 1;
try {
  code = judgeFile ? judgeSaved(judgeFile) : await main();
} catch (e) {
  console.error(`\nbench failed: ${e?.stack ?? e}`);
  if (server) console.error(`\nwrangler dev output (last lines):\n${server.log().split('\n').slice(-30).join('\n')}`);
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
