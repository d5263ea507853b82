// Two projects: worker tests inside workerd against a real local D1, and browser journeys in Chromium (scripts/chromium.mjs picks which).
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('./schema/migrations');
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                // Resend's pace is tested with a simulated clock (tests/worker/rush.test.ts); elsewhere it would only
                // make the tests wait in real time.
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  APP_ENV: 'development',
                  PUBLIC_URL: 'http://localhost:8787',
                  RESEND_MAX_RPS: '1000',
                },
                // An empty database of its own, for the upgrade-path test.
                d1Databases: { MIGRATION_DB: 'migration-test-db' },
              },
            }),
          ],
          test: {
            name: 'worker',
            include: ['tests/worker/**/*.test.ts'],
            setupFiles: ['./tests/worker/setup.ts'],
            // Correctness, not speed (speed is `npm run bench`'s to judge). A CI machine ran these 2.8× slower than a
            // quiet one (383 s of tests against 139 s), and the access check of POST /api/dev/certificate-sample, which
            // renders four certificates (5.1 s here), ran past vitest's 5-s default there and failed the run.
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        {
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['./tests/e2e/server.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
