// The Worker's entry point: HTTP through Hono, plus the cron sweep.
import { app } from './app';
import { deliverDue } from './email/outbox';
import type { Bindings } from './env';

export type { AppType } from './app';

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(deliverDue(env, { limit: 200 }));
  },
} satisfies ExportedHandler<Bindings>;
