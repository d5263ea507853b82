// Starts the real app with `npm start`'s own script on a free port and a throwaway database, for browser tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

let child: ChildProcess | undefined;
let dir: string | undefined;

export default async function setup(project: TestProject) {
  const port = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'colloquy-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      COLLOQUY_PERSIST_DIR: dir,
      COLLOQUY_SKIP_BUILD: '1',
      // Every browser test signs in from the same address; the limits themselves are tested in tests/worker.
      COLLOQUY_VARS: 'RATE_LIMIT_PER_MINUTE:10000,SIGN_IN_PER_EMAIL_PER_MINUTE:1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const stop = () => {
    if (child?.pid)
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  // Vitest runs no teardown when set-up throws, so a server that is too slow is stopped here, not left running.
  const fail = (why: string) => {
    stop();
    return new Error(`${why}:\n${log}`);
  };
  // Generous: on a busy two-core machine migrating, seeding and starting workerd has taken over 90 s.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw fail('the server exited early');
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw fail('the server did not start in 180 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  project.provide('baseUrl', baseUrl);
  return stop;
}
