// `node bench/search.mjs [--registrations=N]`: desk search alone, per query kind, at 10,000 registrations: p50/p99 on one connection, rows read, and what the index costs in rows.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareLocalDatabase } from '../scripts/local-db.mjs';
import { loadRoute, parseMeter, sampleCost } from './load.mjs';
import { SEARCH_KINDS, searchQueriesFrom, UNLIMITED_SEARCH } from './routes.mjs';
import { executeSqlFiles, generateRegistrations, prng, registrationSqlFiles, SLUG } from './seed.mjs';
import { startWorker } from './server.mjs';
import { signIn } from './session.mjs';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const registrations = arg('registrations', 10_000);
const seconds = arg('seconds', 5);
const tmp = join('bench/.tmp', `search-${process.pid}`);
const log = (...a) => console.log(`[search ${(performance.now() / 1000).toFixed(0).padStart(3)} s]`, ...a);

function d1(persistTo, command) {
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/wrangler/bin/wrangler.js',
      'd1',
      'execute',
      'DB',
      '--local',
      '--persist-to',
      persistTo,
      '--json',
      '--command',
      command,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
    },
  );
  if (r.status !== 0) throw new Error(`wrangler d1 execute failed: ${r.stderr}`);
  return JSON.parse(r.stdout)[0].results;
}

let server;
try {
  mkdirSync(tmp, { recursive: true });
  const persistTo = join(tmp, 'state');
  log(`preparing the database: migrations, demo seed, ${registrations} registrations`);
  prepareLocalDatabase(persistTo);
  const regs = generateRegistrations(registrations);
  const seeded = performance.now();
  executeSqlFiles(registrationSqlFiles(regs, join(tmp, 'sql'), 20_000), persistTo);
  const seedSeconds = (performance.now() - seeded) / 1000;
  const [index] = d1(persistTo, `SELECT (SELECT count(*) FROM registrations) AS regs`);

  server = await startWorker({ persistTo, vars: { RATE_LIMIT_PER_MINUTE: '100000000', ...UNLIMITED_SEARCH } });
  const { origin } = server;
  const cookie = await signIn(origin, 'desk@colloquy.test');

  // What one registration writes, through the API, with the index's triggers (the D1 meter counts trigger rows too).
  const reg = await fetch(`${origin}/api/events/${SLUG}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({
      name: '欧阳小明',
      email: `bench-search-${Date.now()}@example.org`,
      phone: '13812345678',
      affiliation: '北京协和医院',
      jobTitle: '主治医师',
      locale: 'zh-CN',
      consent: true,
    }),
  });
  const regMeter = parseMeter(reg);
  await reg.arrayBuffer();

  const rows = [];
  const route = (kinds) => {
    const queries = searchQueriesFrom(regs, 200, prng(7), kinds);
    let i = 0;
    return {
      key: 'search',
      name: 'search',
      path: `/api/events/${SLUG}/attendees?q=${encodeURIComponent(queries[0])}`,
      headers: { cookie },
      expect: [200],
      next: () => ({ path: `/api/events/${SLUG}/attendees?q=${encodeURIComponent(queries[i++ % queries.length])}` }),
    };
  };
  for (const kind of [...SEARCH_KINDS, 'all']) {
    const r = route(kind === 'all' ? SEARCH_KINDS : [kind]);
    const cost = await sampleCost(origin, r, 40, 10_000);
    const load = await loadRoute(origin, r, {
      connections: 1,
      warmupSeconds: 0.5,
      seconds: kind === 'all' ? seconds * 2 : seconds,
    });
    rows.push({
      kind,
      p50: load.p50,
      p99: load.p99,
      rps: load.rps,
      rowsRead: cost.rowsRead,
      maxRowsRead: cost.maxRowsRead,
      rowsWritten: cost.rowsWritten,
      statuses: load.statuses,
    });
    log(
      `${kind}: p50 ${load.p50} ms, p99 ${load.p99} ms, ${load.rps} req/s; rows read ${cost.rowsRead} avg, ${cost.maxRowsRead} max; written ${cost.rowsWritten}`,
    );
  }
  // References in the same run, on the same (possibly busy) machine: a trivial route, one D1 read, one D1 write.
  // A search is one D1 batch that writes the device's token bucket, so the write is its floor.
  for (const [kind, path, method] of [
    ['reference: GET /api/health', '/api/health', 'GET'],
    ['reference: one D1 read', '/api/dev/d1-round-trip', 'GET'],
    ['reference: one D1 write', '/api/dev/d1-write-round-trip', 'POST'],
  ]) {
    const load = await loadRoute(
      origin,
      { name: kind, path, method, expect: [200], next: () => ({}) },
      { connections: 1, warmupSeconds: 0.5, seconds },
    );
    rows.push({ kind, p50: load.p50, p99: load.p99, rps: load.rps, rowsRead: '', maxRowsRead: '', rowsWritten: '' });
    log(`${kind}: p50 ${load.p50} ms, p99 ${load.p99} ms, ${load.rps} req/s`);
  }
  const md = [
    `Desk search at ${registrations.toLocaleString('en-US')} registrations, one connection, ${seconds} s per kind (${new Date().toISOString().slice(0, 16)} UTC)`,
    '',
    '| query kind | p50 ms | p99 ms | req/s | rows read avg | rows read max | rows written |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) => `| ${r.kind} | ${r.p50} | ${r.p99} | ${r.rps} | ${r.rowsRead} | ${r.maxRowsRead} | ${r.rowsWritten} |`,
    ),
    '',
    `Index: no table of its own; ${index.regs} registrations, each one entry of registrations_event_created carrying the search columns (migration 0018).`,
    `One registration through the API (欧阳小明, 北京协和医院, with phone and email): ${regMeter?.rowsWritten} rows written, ${regMeter?.rowsRead} read, in total.`,
    `Seeding ${registrations} registrations: ${seedSeconds.toFixed(1)} s.`,
  ].join('\n');
  mkdirSync('bench/.tmp', { recursive: true });
  writeFileSync('bench/.tmp/search-results.md', `${md}\n`);
  console.log(`\n${md}`);
} finally {
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
