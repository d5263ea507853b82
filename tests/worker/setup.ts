// Every worker test file starts from the migrated schema and the demo seed, as `npm start` does.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { demoSeedStatements } from '../../schema/seed/demo';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await env.DB.batch(demoSeedStatements().map((s: string) => env.DB.prepare(s)));
