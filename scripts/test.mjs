// `npm test`: type-check, lint and check formatting, build the web app the browser tests load, run every vitest project, then the bench once, tiny.
import { run } from './local-db.mjs';

run(process.execPath, ['node_modules/typescript/bin/tsc', '-b']);
run(process.execPath, ['node_modules/@biomejs/biome/bin/biome', 'check']);
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)]);
// The benchmark once, tiny, to prove it still runs; its figures come from `npm run bench`.
run(process.execPath, ['bench/run.mjs', '--smoke']);
