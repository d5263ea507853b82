// Worker bundle size: what `wrangler deploy` would upload (built with --dry-run, no account needed), raw and gzipped.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function workerBundleSize(outdir) {
  rmSync(outdir, { recursive: true, force: true });
  const r = spawnSync(
    process.execPath,
    ['node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--outdir', outdir],
    {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
      timeout: 120_000,
    },
  );
  if (r.status !== 0)
    throw new Error(`wrangler deploy --dry-run failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  const files = readdirSync(outdir, { recursive: true })
    .map(String)
    .filter((f) => /\.(m?js|wasm)$/.test(f) && statSync(join(outdir, f)).isFile());
  if (!files.length) throw new Error(`wrangler deploy --dry-run wrote no module to ${outdir}`);
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = readFileSync(join(outdir, f));
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  // Which packages make it big: source bytes per package, from the source map (wrangler does not minify).
  const byPackage = {};
  for (const f of files) {
    let map;
    try {
      map = JSON.parse(readFileSync(join(outdir, `${f}.map`), 'utf8'));
    } catch {
      continue;
    }
    map.sources.forEach((src, i) => {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(src);
      // drizzle-orm's own source maps point at node_modules/src/…
      const key = m
        ? m[1] === 'src'
          ? 'drizzle-orm'
          : m[1]
        : src.includes('worker/')
          ? '(worker/)'
          : src.includes('schema/')
            ? '(schema/)'
            : '(other)';
      byPackage[key] = (byPackage[key] ?? 0) + (map.sourcesContent?.[i]?.length ?? 0);
    });
  }
  const largest = Object.entries(byPackage)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, bytes]) => ({ name, sourceKB: +(bytes / 1024).toFixed(1) }));
  // wrangler prints its own figure ("Total Upload: … KiB / gzip: … KiB"); keep it for comparison.
  const reported = /Total Upload:\s*([\d.]+ KiB)\s*\/\s*gzip:\s*([\d.]+ KiB)/.exec(r.stdout + r.stderr);
  const main = files.find((f) => /^index\.m?js$/.test(f)) ?? files.find((f) => /\.m?js$/.test(f));
  return {
    main,
    files,
    rawKB: +(raw / 1024).toFixed(2),
    gzipKB: +(gzip / 1024).toFixed(2),
    wranglerReports: reported ? `${reported[1]} / gzip ${reported[2]}` : null,
    largest,
  };
}
