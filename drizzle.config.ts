// drizzle-kit writes SQL migrations into the one folder that wrangler and the tests apply.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './schema/index.ts',
  out: './schema/migrations',
  migrations: { prefix: 'index' },
});
