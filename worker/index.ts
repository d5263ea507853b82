// The Worker's entry point: HTTP through Hono, plus the cron sweep.
import { app } from './app';
import { deliverDue } from './email/outbox';
import { meteredD1, serverTiming } from './dev/d1-meter';
import { type Bindings, isDevelopment } from './env';

export type { AppType } from './app';

export default {
  async fetch(request, env, ctx) {
    if (!isDevelopment(env)) return app.fetch(request, env, ctx);
    const { db, meter } = meteredD1(env.DB);
    const response = await app.fetch(request, { ...env, DB: db }, ctx);
    const metered = new Response(response.body, response);
    metered.headers.append('server-timing', serverTiming(meter));
    return metered;
  },
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(deliverDue(env, { limit: 200 }));
  },
} satisfies ExportedHandler<Bindings>;
