// Applies the D1 migrations to the local database and seeds the demo seminar; safe to run any number of times.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSeedStatements } from '../schema/seed/demo.ts';
import { showcaseStatements } from '../schema/seed/showcase.ts';
import { CLINICAL_PRESET } from '../worker/questions/preset.ts';

export const wranglerBin = 'node_modules/wrangler/bin/wrangler.js';

export function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', ...env },
  });
  if (r.status !== 0) {
    console.error(`\n${[cmd, ...args].join(' ')} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

/**
 * `showcase` (npm start only) adds what the January seminar left behind: attendees, scans, the credit rule, the
 * evaluation (schema/seed/showcase.ts). Benches and tests that count rows get the demo alone.
 */
export function prepareLocalDatabase(persistTo, { showcase = false } = {}) {
  const persist = persistTo ? ['--persist-to', persistTo] : [];
  run(process.execPath, [wranglerBin, 'd1', 'migrations', 'apply', 'DB', '--local', ...persist]);
  mkdirSync('.wrangler', { recursive: true });
  const file = join('.wrangler', `seed-${process.pid}.sql`);
  const statements = demoSeedStatements();
  if (showcase) {
    statements.push(...showcaseStatements(CLINICAL_PRESET));
  }
  writeFileSync(file, statements.join('\n'));
  run(process.execPath, [wranglerBin, 'd1', 'execute', 'DB', '--local', '--file', file, ...persist]);
}
