// `npm start`: build the web app, migrate and seed the local D1, then serve everything on $PORT (default 8787).
import { spawn } from 'node:child_process';
import { prepareLocalDatabase, run, wranglerBin } from './local-db.mjs';

const port = process.env.PORT || '8787';
const persist = process.env.COLLOQUY_PERSIST_DIR;

if (process.env.COLLOQUY_SKIP_BUILD !== '1')
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
prepareLocalDatabase(persist, { showcase: true });

console.log(`\nColloquy: serving the demo seminar at http://localhost:${port}\n`);
const args = [
  'dev',
  '--port',
  port,
  '--ip',
  process.env.HOST || 'localhost',
  '--var',
  'APP_ENV:development',
  '--show-interactive-dev-session=false',
  '--log-level',
  'warn',
];
if (persist) args.push('--persist-to', persist);
// Extra variables, e.g. COLLOQUY_VARS=RATE_LIMIT_PER_MINUTE:1000 for browser tests that sign in many times a minute.
for (const pair of (process.env.COLLOQUY_VARS ?? '').split(',').filter(Boolean)) args.push('--var', pair);
const child = spawn(process.execPath, [wranglerBin, ...args], {
  stdio: 'inherit',
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
