// Sends a bulk message's outbox rows through Resend's batch endpoint, up to 100 emails per call, with the same
// lease, retry and idempotency rules as single emails. A chunk is always the first 100 unsent rows by id, so a
// retried chunk is the same chunk and its Idempotency-Key makes Resend answer without sending again.
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { Resend } from 'resend';
import { emails } from '../../schema';
import { dbFor } from '../db';
import { backoffMs, DEFAULT_FROM } from '../email/outbox';
import { type Pacer, realClock } from '../email/pace';
import type { Bindings } from '../env';

export const BATCH_SIZE = 100;
const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;

type EmailRow = {
  id: string;
  to: string;
  subject: string | null;
  html: string | null;
  text: string | null;
  attempts: number;
};

export type BulkResult = {
  calls: number;
  sent: number;
  captured: number;
  retryAfterMs: number | null;
  remaining: number;
};

export async function deliverBulk(
  env: Bindings,
  messageId: string,
  options: { now?: number; timeoutMs?: number; maxCalls?: number; pacer?: Pacer } = {},
): Promise<BulkResult> {
  const db = dbFor(env.DB);
  const { pacer } = options;
  const clock = pacer?.clock ?? realClock;
  const out: BulkResult = { calls: 0, sent: 0, captured: 0, retryAfterMs: null, remaining: 0 };
  const maxCalls = options.maxCalls ?? 50;
  while (out.calls < maxCalls) {
    // Paced with every other call to Resend (the queue consumer passes its pacer); a slot too far off ends the run.
    if (env.RESEND_API_KEY && pacer && !(await pacer.take())) {
      out.retryAfterMs = pacer.nextSlot() - clock.now();
      break;
    }
    const now = options.now ?? clock.now();
    // One statement claims the chunk; ids travel as one JSON parameter (D1 allows 100 bound parameters).
    const rows = await db.all<EmailRow>(sql`
      UPDATE emails SET status = 'sending', attempts = attempts + 1, next_attempt_at = ${now + LEASE_MS}
      WHERE id IN (SELECT id FROM emails WHERE message_id = ${messageId} AND status IN ('pending', 'sending') AND next_attempt_at <= ${now}
                   ORDER BY id LIMIT ${BATCH_SIZE})
      RETURNING id, "to", subject, html, text, attempts`);
    if (!rows.length) break;
    rows.sort((a, b) => (a.id < b.id ? -1 : 1));

    if (!env.RESEND_API_KEY) {
      await db.run(
        sql`UPDATE emails SET status = 'captured', sent_at = ${clock.now()} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.id))}))`,
      );
      out.captured += rows.length;
      continue;
    }

    out.calls++;
    const key = `batch:${messageId}:${rows[0]!.id}:${rows.at(-1)!.id}:${rows.length}`;
    let status: number | null = null;
    let retryAfter = NaN;
    let ids2: string[] | null = null;
    let error = '';
    try {
      const resend = new Resend(env.RESEND_API_KEY);
      const result = await resend.batch.send(
        rows.map((r) => ({
          from: env.RESEND_FROM || DEFAULT_FROM,
          to: [r.to],
          subject: r.subject ?? '',
          html: r.html ?? '',
          text: r.text ?? '',
          tags: [
            { name: 'kind', value: 'message' },
            { name: 'message', value: messageId.replace(/[^A-Za-z0-9_-]/g, '_') },
          ],
        })),
        { idempotencyKey: key, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) } as never,
      );
      pacer?.observe(result.headers as Record<string, string> | null);
      if (result.data) ids2 = (result.data as { data: { id: string }[] }).data.map((d) => d.id);
      else {
        status = (result.error as { statusCode?: number | null }).statusCode ?? null;
        retryAfter = Number((result.headers as Record<string, string> | null)?.['retry-after']);
        error = `${status ?? 'network'}: ${result.error?.message ?? 'failed'}`;
      }
    } catch (e) {
      error = `exception: ${(e as Error).message}`;
    }

    if (ids2) {
      const sentAt = clock.now();
      const pairs = JSON.stringify(rows.map((r, i) => ({ i: r.id, p: ids2![i] ?? null })));
      await db.run(sql`UPDATE emails SET status = 'sent', sent_at = ${sentAt}, last_error = NULL,
        provider_id = (SELECT json_extract(value, '$.p') FROM json_each(${pairs}) WHERE json_extract(value, '$.i') = emails.id)
        WHERE id IN (SELECT json_extract(value, '$.i') FROM json_each(${pairs}))`);
      out.sent += rows.length;
      continue;
    }
    const permanent = status !== null && status >= 400 && status < 500 && status !== 429 && status !== 409;
    const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoffMs(rows[0]!.attempts);
    await db.run(sql`UPDATE emails SET
      status = CASE WHEN ${permanent ? 1 : 0} = 1 OR attempts >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'pending' END,
      last_error = ${error.slice(0, 500)}, next_attempt_at = ${clock.now() + wait}
      WHERE id IN (SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.id))}))`);
    // Rate-limited or failing: stop here and let the queue (or the cron sweep) come back later.
    out.retryAfterMs = wait;
    break;
  }
  const [left] = await db
    .select({ n: sql<number>`count(*)` })
    .from(emails)
    .where(and(eq(emails.messageId, messageId), inArray(emails.status, ['pending', 'sending'])));
  out.remaining = Number(left?.n ?? 0);
  return out;
}

/** The cron's safety net: any message with unsent rows (say the queue gave up) gets another pass. */
export async function sweepBulk(env: Bindings, pacer?: Pacer) {
  const db = dbFor(env.DB);
  const open = await db
    .selectDistinct({ id: emails.messageId })
    .from(emails)
    .where(
      and(
        inArray(emails.status, ['pending', 'sending']),
        lte(emails.nextAttemptAt, pacer?.clock.now() ?? Date.now()),
        sql`${emails.messageId} IS NOT NULL`,
      ),
    )
    .limit(20);
  for (const m of open) if (m.id) await deliverBulk(env, m.id, { maxCalls: 10, pacer });
}
