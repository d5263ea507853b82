// `npx node bench/desk-writes.mjs [--registrations=N] [--seconds=S] [--rounds=R]`: the desk's two writes alone, the entrance check-in and a sign-in at an agenda item, beside the one-row D1 write, alternated in rounds (a quick look between full benches; the full bench judges).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareLocalDatabase } from '../scripts/local-db.mjs';
import { snapshot, usage } from './cpu.mjs';
import { loadRoute, sampleCost } from './load.mjs';
import { executeSqlFiles, generateRegistrations, registrationSqlFiles, SLUG } from './seed.mjs';
import { startWorker } from './server.mjs';
import { signIn } from './session.mjs';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const registrations = arg('registrations', 6000);
const seconds = arg('seconds', 3);
const rounds = arg('rounds', 3);
const connections = 10;
const tmp = join('bench/.tmp', `desk-writes-${process.pid}`);
const log = (...a) => console.log(`[desk-writes ${(performance.now() / 1000).toFixed(0).padStart(3)} s]`, ...a);

let server;
try {
  mkdirSync(tmp, { recursive: true });
  const persistTo = join(tmp, 'state');
  prepareLocalDatabase(persistTo);
  const regs = generateRegistrations(registrations);
  executeSqlFiles(registrationSqlFiles(regs, join(tmp, 'sql'), 20_000), persistTo);
  // The API alone: an empty assets folder, so the web app need not be built first.
  const assets = join(tmp, 'assets');
  mkdirSync(assets, { recursive: true });
  writeFileSync(join(assets, 'index.html'), '<!doctype html>');
  server = await startWorker({ persistTo, assets });
  const { origin } = server;
  const cookie = await signIn(origin, 'desk@colloquy.test');
  const headers = { 'content-type': 'application/json', origin, cookie };
  // Each request a ticket not yet scanned at that point (the two routes take their own halves of the list).
  const half = Math.floor(regs.length / 2);
  let c = 0;
  let p = 0;
  const routes = {
    write: {
      name: 'one-row D1 write',
      path: '/api/dev/d1-write-round-trip',
      method: 'POST',
      next: () => ({}),
    },
    checkin: {
      name: 'check-in',
      path: `/api/events/${SLUG}/checkins`,
      method: 'POST',
      headers,
      next: () => {
        const n = c++;
        const code = regs[n % half].ticketCode;
        return { body: JSON.stringify({ code, deviceId: 'bench', clientId: `dw-c-${n}`, deskId: 'Desk 1' }) };
      },
    },
    point: {
      name: 'sign-in at an item',
      path: `/api/events/${SLUG}/attendance/scans`,
      method: 'POST',
      headers,
      next: () => {
        const n = p++;
        const code = regs[half + (n % half)].ticketCode;
        return {
          body: JSON.stringify({
            code,
            deviceId: 'bench',
            clientId: `dw-p-${n}`,
            deskId: 'Desk 1',
            sessionId: 'ses_next_panel',
            direction: 'in',
          }),
        };
      },
    },
  };
  const cost = {};
  for (const [k, r] of Object.entries(routes)) cost[k] = await sampleCost(origin, r, 10);
  const runs = Object.fromEntries(Object.keys(routes).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) {
    // Alternate the order each round, so neither route always follows the other.
    const order = i % 2 ? ['point', 'checkin', 'write'] : ['write', 'checkin', 'point'];
    for (const k of order) {
      let before;
      let cpu;
      const load = await loadRoute(
        origin,
        routes[k],
        { connections, warmupSeconds: 0.5, seconds },
        {
          beforeMeasure: () => (before = snapshot([server.pgid])),
          afterMeasure: () => (cpu = usage(before, snapshot([server.pgid]))),
        },
      );
      const cpuPerReq = cpu && load.requests ? cpu.workerCpuMs / load.requests : null;
      runs[k].push({ rps: load.rps, cpuPerReq, foreign: cpu?.foreignPct, statuses: load.statuses });
      log(
        `round ${i + 1} ${routes[k].name}: ${load.rps} req/s, workerd CPU ${cpuPerReq?.toFixed(2)} ms/req, others ${cpu?.foreignPct}% of the machine, statuses ${JSON.stringify(load.statuses)}`,
      );
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const k of Object.keys(routes)) {
    const rps = median(runs[k].map((r) => r.rps));
    const cpu = median(runs[k].map((r) => r.cpuPerReq ?? 0));
    log(
      `${routes[k].name}: median ${rps} req/s (${(rps / median(runs.write.map((r) => r.rps))).toFixed(2)}× the write), workerd CPU ${cpu.toFixed(2)} ms/req; D1: ${cost[k].roundTrips} round trips, ${cost[k].rowsRead} rows read, ${cost[k].rowsWritten} written`,
    );
  }
  const ratios = runs.point.map((r, i) => r.rps / runs.checkin[i].rps);
  log(`sign-in at an item ÷ check-in, per round: ${ratios.map((x) => x.toFixed(2)).join(', ')}`);
} finally {
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
