// Starts the real Worker in workerd with `wrangler dev` on a free port, and always stops it again.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const WRANGLER = 'node_modules/wrangler/bin/wrangler.js';

export const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = srv.address();
        srv.close(() => resolve(port));
      });
  });

/**
 * Spawns wrangler dev (optionally on a prebuilt `script` and a copy of the `assets`) in its own process group (so stop() reaches workerd too) and waits for /api/health.
 * Returns { origin, stop, log }; stop() is idempotent and is also run when this process exits.
 *
 * `tracing`: wrangler dev's local trace collector (X_LOCAL_OBSERVABILITY, on by default in wrangler dev) receives
 * every request's tail events and writes its spans to a SQLite file inside the same workerd process, on the same
 * thread as the Worker and its local D1 (strace: 17 WAL pages and an fsync for a request with one D1 call). A
 * deployed Worker's traces are collected outside it, so the bench measures with it off unless asked.
 */
export async function startWorker({
  persistTo,
  script,
  assets,
  config,
  vars = {},
  tracing = false,
  timeoutMs = 90_000,
}) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // A prebuilt bundle with --no-bundle: wrangler then has no sources to watch, so other people's edits cannot reload the Worker mid-run.
  const args = [
    WRANGLER,
    'dev',
    ...(config ? ['--config', config] : []),
    ...(script ? [script, '--no-bundle'] : []),
    ...(assets ? ['--assets', assets] : []),
    '--port',
    String(port),
    '--ip',
    '127.0.0.1',
    '--inspector-port',
    String(inspectorPort),
    '--persist-to',
    persistTo,
    '--show-interactive-dev-session=false',
    '--log-level',
    'warn',
  ];
  for (const [k, v] of Object.entries({ APP_ENV: 'development', ...vars })) args.push('--var', `${k}:${v}`);
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', X_LOCAL_OBSERVABILITY: String(tracing) },
  });
  let log = '';
  const keep = (d) => {
    log = (log + d).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let stopped = false;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  async function stop() {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    killGroup('SIGKILL'); // workerd children that outlived wrangler
  }

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early (${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer /api/health within ${timeoutMs / 1000} s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { origin, pgid: child.pid, inspectorPort, stop, log: () => log };
}
