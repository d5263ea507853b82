// Confirmations at Resend's pace: N queued at once, the outbox queue's consumer run as wrangler.toml sets it, in simulated time,
// against the Resend double enforcing 2 requests/s; and an announcement written and sent the same way.
// `node bench/rush.mjs [confirmations|announcement] [count]` runs one alone on a fresh local D1.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_ID } from './seed.mjs';

/** Bundles a TypeScript module of the Worker or its test fakes for Node (`?raw` imports become strings). */
export async function bundleForNode(entry, outfile) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'silent',
    plugins: [
      {
        name: 'raw',
        setup(b) {
          b.onResolve({ filter: /\?raw$/ }, (a) => ({
            path: resolve(a.resolveDir, a.path.replace(/\?raw$/, '')),
            namespace: 'raw',
          }));
          b.onLoad({ filter: /.*/, namespace: 'raw' }, (a) => ({
            contents: readFileSync(a.path, 'utf8'),
            loader: 'text',
          }));
        },
      },
    ],
  });
  return import(pathToFileURL(outfile).href);
}

/** Runs `work(env)` with the bench's local D1 (and the rest of wrangler.toml's bindings) through wrangler's platform proxy. */
export async function withLocalEnv(persistTo, work) {
  const { getPlatformProxy } = await import('wrangler');
  const { env, dispose } = await getPlatformProxy({ persist: { path: join(persistTo, 'v3') } });
  try {
    return await work(env);
  } finally {
    await dispose();
  }
}

/** ctx: { persistTo (a migrated local D1 with the demo seed), scratch (a temp dir) } */
export async function confirmationRushFigures(count, ctx, { rps = 2 } = {}) {
  const { confirmationRush } = await bundleForNode('tests/fakes/rush.ts', resolve(ctx.scratch, 'rush.mjs'));
  const { meteredD1 } = await bundleForNode('worker/dev/d1-meter.ts', resolve(ctx.scratch, 'd1-meter.mjs'));
  return withLocalEnv(ctx.persistTo, async (env) => {
    const started = performance.now();
    // The consumer's own D1 calls, metered apart from the seeding and the polling (the registration route's are in
    // its row): what each confirmation costs in the invocation that sends it, not in the one that registered it.
    const { db, meter } = meteredD1(env.DB);
    const { double, consumerCpuMs, ...figures } = await confirmationRush(
      { ...env, RESEND_API_KEY: 're_bench_not_a_real_key', RESEND_MAX_RPS: String(rps) },
      {
        eventId: EVENT_ID,
        prefix: `rush${Date.now().toString(36)}`,
        count,
        resendRps: rps,
        limitSeconds: 3600,
        consumerDb: db,
      },
    );
    const per = (n) => Math.round((n / count) * 100) / 100;
    return {
      status: 'measured',
      resendRps: rps,
      ...figures,
      consumer: {
        cpuMsPerConfirmation: per(consumerCpuMs),
        rowsReadPerConfirmation: per(meter.rowsRead),
        rowsWrittenPerConfirmation: per(meter.rowsWritten),
        roundTripsPerConfirmation: per(meter.roundTrips),
      },
      violations: double.violations.length,
      // Wall-clock seconds the simulation took on this machine (rendering, D1): not the simulated figure.
      realSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
  });
}

/** An announcement to `count` attendees of an event of their own: filed, then written and sent by the simulated queue. */
export async function announcementFigures(count, ctx, { rps = 2 } = {}) {
  const rush = await bundleForNode('tests/fakes/rush.ts', resolve(ctx.scratch, 'rush.mjs'));
  return withLocalEnv(ctx.persistTo, async (env) => {
    const tag = Date.now().toString(36);
    const eventId = `evt_ann_${tag}`;
    await rush.seedEvent(env.DB, eventId);
    const prefix = `ann${tag}`;
    await rush.seedConfirmations(env.DB, eventId, prefix, count, false);
    const started = performance.now();
    const { double, progress, ...figures } = await rush.announcementRush(
      { ...env, RESEND_API_KEY: 're_bench_not_a_real_key', RESEND_MAX_RPS: String(rps) },
      {
        prefix,
        resendRps: rps,
        limitSeconds: 3600,
        send: (queued) => rush.fileMessage(queued, eventId, `msg_${tag}`, count),
      },
    );
    return {
      status: 'measured',
      recipients: count,
      resendRps: rps,
      ...figures,
      violations: double.violations.length,
      realSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const which = process.argv[2] === 'announcement' ? 'announcement' : 'confirmations';
  const count = Number(process.argv[3] ?? (which === 'announcement' ? 20_000 : 5000));
  const { prepareLocalDatabase } = await import('../scripts/local-db.mjs');
  const tmp = join('bench/.tmp', `rush-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  try {
    prepareLocalDatabase(join(tmp, 'state'));
    const ctx = { persistTo: join(tmp, 'state'), scratch: tmp };
    const figures =
      which === 'announcement' ? await announcementFigures(count, ctx) : await confirmationRushFigures(count, ctx);
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
