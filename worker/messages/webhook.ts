// POST /api/webhooks/resend: delivery events (delivered, bounced, complained, delayed), signed by Resend (Svix).
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { emails, webhookEvents } from '../../schema';
import type { AppEnv } from '../env';
import { ApiError } from '../http/errors';
import { rule } from '../http/contract';

const STATUS: Record<string, string> = {
  'email.delivered': 'delivered',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
  'email.delivery_delayed': 'delayed',
};

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  resendEvents: rule({
    access: 'webhook',
    tag: 'messages',
    summary: 'Resend delivery events (signed; replays refused).',
  }),
};

export const webhookRoutes = new Hono<AppEnv>().post('/resend', rules.resendEvents, async (c) => {
  const secret = c.env.RESEND_WEBHOOK_SECRET;
  if (!secret) throw new ApiError(404, 'not_found', 'Webhooks are not configured.');
  const body = await c.req.text();
  if (body.length > 256 * 1024) throw new ApiError(413, 'payload_too_large', 'Too large.');
  const id = c.req.header('svix-id') ?? c.req.header('webhook-id') ?? '';
  const headers = {
    'webhook-id': id,
    'webhook-timestamp': c.req.header('svix-timestamp') ?? c.req.header('webhook-timestamp') ?? '',
    'webhook-signature': c.req.header('svix-signature') ?? c.req.header('webhook-signature') ?? '',
  };
  let event: { type?: string; created_at?: string; data?: { email_id?: string } };
  try {
    // Checks the HMAC and that the timestamp is within five minutes, which bounds replays in time.
    event = new Webhook(secret).verify(body, headers) as typeof event;
  } catch (e) {
    if (e instanceof WebhookVerificationError || e instanceof Error)
      throw new ApiError(401, 'bad_signature', 'The webhook signature does not verify.');
    throw e;
  }
  // Within those five minutes, the event id is remembered: a replayed event changes nothing.
  const [fresh] = await c.var.db
    .insert(webhookEvents)
    .values({ id, receivedAt: Date.now() })
    .onConflictDoNothing()
    .returning();
  if (!fresh) return c.json({ ok: true, duplicate: true }, 200);
  const status = event.type ? STATUS[event.type] : undefined;
  const providerId = event.data?.email_id;
  if (status && providerId) {
    await c.var.db
      .update(emails)
      .set({ deliveryStatus: status, deliveryAt: Date.parse(event.created_at ?? '') || Date.now() })
      .where(eq(emails.providerId, providerId));
  }
  return c.json({ ok: true }, 200);
});
