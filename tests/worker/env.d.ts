// Test-only bindings provided by vitest.config.ts, and the Worker module that `exports` calls.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    MIGRATION_DB: D1Database;
  }
  interface GlobalProps {
    mainModule: typeof import('../../worker/index');
  }
}
