// The CERTIFICATES queue's consumer: draws each pending certificate, stores the PDF in FILES, marks it ready, and
// queues the holder's email through the outbox, all in one D1 write per run.
import { sql } from 'drizzle-orm';
import { atomically } from '../db';
import type { Bindings } from '../env';
import { loggable } from '../http/errors';
import { newId } from '../lib/random';
import type { CmeSettings } from '../cme/settings';
import type { CertificateAssets } from './pdf';

export const CERTIFICATE_QUEUE = 'colloquy-certificates';
/** Ids per queue message: a message's certificates are drawn in one run with the font loaded once. */
export const IDS_PER_MESSAGE = 10;
/** Failed draws before a certificate shows as failed (the queue would retry up to 5 times; the row says why first). */
export const MAX_RENDER_ATTEMPTS = 3;

export type RenderMessage = { certificateIds: string[]; origin: string };

type Row = {
  id: string;
  eventId: string;
  kind: 'credit' | 'attendance' | 'teaching';
  number: string;
  holderName: string;
  holderAffiliation: string;
  credits: number;
  detail: string;
  attempts: number;
  r2Key: string;
  issuedAt: number;
  titleZh: string;
  titleEn: string;
  startsAt: number;
  endsAt: number;
  timezone: string;
  settings: string | null;
  organiserName: string | null;
  sealKey: string | null;
  sealType: string | null;
};

export const verifyUrl = (origin: string, number: string) => `${origin}/verify/${encodeURIComponent(number)}`;

/** Sends certificate ids to the queue, IDS_PER_MESSAGE a message (sendBatch takes up to 100 messages). */
export async function queueRendering(env: Bindings, ids: string[], origin: string) {
  const messages: { body: RenderMessage }[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_MESSAGE)
    messages.push({ body: { certificateIds: ids.slice(i, i + IDS_PER_MESSAGE), origin } });
  for (let i = 0; i < messages.length; i += 100) await env.CERTIFICATES.sendBatch(messages.slice(i, i + 100));
}

async function sealFor(env: Bindings, row: Row, cache: Map<string, Promise<CertificateAssets['seal']>>) {
  if (!row.sealKey || (row.sealType !== 'image/png' && row.sealType !== 'image/jpeg')) return undefined;
  const type = row.sealType;
  const key = row.sealKey;
  if (!cache.has(key))
    cache.set(
      key,
      env.FILES.get(key).then(async (o) => (o ? { bytes: new Uint8Array(await o.arrayBuffer()), type } : undefined)),
    );
  return cache.get(key);
}

/**
 * Draws the given certificates (those still pending). Returns the ids to try again later: a failure below
 * MAX_RENDER_ATTEMPTS stays pending with its error; at the limit the row is marked failed and the organiser sees why.
 */
export async function renderCertificates(env: Bindings, ids: string[], origin: string): Promise<Set<string>> {
  const [rows] = (await atomically(env.DB, [
    sql`SELECT c.id, c.event_id AS eventId, c.kind, c.number, c.holder_name AS holderName,
          c.holder_affiliation AS holderAffiliation, c.credits, c.detail, c.attempts, c.r2_key AS r2Key, c.issued_at AS issuedAt,
          e.title_zh AS titleZh, e.title_en AS titleEn, e.starts_at AS startsAt, e.ends_at AS endsAt, e.timezone,
          p.settings, p.organiser_name AS organiserName, p.seal_key AS sealKey, p.seal_type AS sealType
        FROM certificates c JOIN events e ON e.id = c.event_id LEFT JOIN cme_projects p ON p.event_id = c.event_id
        WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND c.status = 'pending'`,
  ])) as unknown as [Row[]];
  const retry = new Set<string>();
  if (!rows.length) return retry;
  // pdf-lib and fontkit (most of the bundle) are evaluated only in the consumer's runs, never on a request's start-up.
  const { loadCertificateFont, renderCertificate } = await import('./pdf');
  const font = await loadCertificateFont(env);
  const seals = new Map<string, Promise<CertificateAssets['seal']>>();
  const ready: string[] = [];
  const failures: { id: string; error: string; final: boolean }[] = [];
  for (const row of rows) {
    try {
      const s = row.settings ? (JSON.parse(row.settings) as CmeSettings) : null;
      const detail = JSON.parse(row.detail) as {
        taught?: { titleZh: string; titleEn: string; startsAt: number; endsAt: number }[];
      };
      const pdf = await renderCertificate(
        {
          kind: row.kind,
          number: row.number,
          verifyUrl: verifyUrl(origin, row.number),
          holderName: row.holderName,
          holderAffiliation: row.holderAffiliation,
          eventTitleZh: row.titleZh,
          eventTitleEn: row.titleEn,
          dates: { startsAt: row.startsAt, endsAt: row.endsAt, timezone: row.timezone },
          projectNumber: s?.projectNumber || null,
          projectLevel: s?.level ?? null,
          creditClass: s?.creditClass ?? null,
          credits: row.credits,
          ...(detail.taught ? { taught: detail.taught } : {}),
          organiserName: row.organiserName || s?.projectName || '',
          issuedAt: row.issuedAt,
        },
        { font, seal: await sealFor(env, row, seals) },
      );
      await env.FILES.put(row.r2Key, pdf, { httpMetadata: { contentType: 'application/pdf' } });
      ready.push(row.id);
    } catch (e) {
      const final = row.attempts + 1 >= MAX_RENDER_ATTEMPTS;
      failures.push({ id: row.id, error: loggable(e).slice(0, 300), final });
      if (!final) retry.add(row.id);
    }
  }
  const now = Date.now();
  const readyJson = JSON.stringify(ready.map((id) => ({ id, emailId: newId('eml') })));
  const [, emailed] = await atomically(env.DB, [
    sql`UPDATE certificates SET status = 'ready', rendered_at = ${now}, last_error = NULL
        WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ready)})) AND status = 'pending'`,
    // Each holder is emailed once, in their registration's language (a lecturer without one, in Chinese).
    sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
        SELECT j.value ->> 'emailId', c.event_id, c.registration_id, 'certificate', coalesce(r.email, pe.email),
          coalesce(r.locale, 'zh-CN'),
          json_object('origin', ${origin}, 'number', c.number, 'kind', c.kind, 'name', c.holder_name, 'code', r.ticket_code,
            'credits', c.credits, 'creditClass', json_extract(p.settings, '$.creditClass')),
          ${now}
        FROM json_each(${readyJson}) j JOIN certificates c ON c.id = j.value ->> 'id'
          LEFT JOIN registrations r ON r.id = c.registration_id AND r.status = 'confirmed'
          LEFT JOIN people pe ON pe.id = c.person_id LEFT JOIN cme_projects p ON p.event_id = c.event_id
        WHERE c.status = 'ready' AND c.email_sent_at IS NULL AND coalesce(r.email, pe.email, '') != ''
        RETURNING id`,
    sql`UPDATE certificates SET email_sent_at = ${now}
        WHERE id IN (SELECT value ->> 'id' FROM json_each(${readyJson})) AND status = 'ready' AND email_sent_at IS NULL`,
    sql`UPDATE certificates SET attempts = attempts + 1, last_error = f.value ->> 'error',
          status = CASE WHEN f.value ->> 'final' THEN 'failed' ELSE status END
        FROM json_each(${JSON.stringify(failures)}) AS f
        WHERE certificates.id = f.value ->> 'id' AND certificates.status = 'pending'`,
  ]);
  const emailIds = (emailed as { id: string }[]).map((e) => e.id);
  if (emailIds.length) {
    try {
      await env.OUTBOX.send({ emailIds });
    } catch (e) {
      // The cron sweep sends pending outbox rows anyway.
      console.error('outbox queue send failed', loggable(e));
    }
  }
  return retry;
}

/** The queue handler's part for this queue: one run for the whole batch, so the font is loaded once. */
export async function consumeCertificateBatch(batch: MessageBatch<unknown>, env: Bindings) {
  const messages = batch.messages as readonly Message<Partial<RenderMessage>>[];
  const byOrigin = new Map<string, string[]>();
  for (const m of messages) {
    const { origin = '', certificateIds } = m.body ?? {};
    // A message of another shape can never succeed: acknowledged, so it does not come back five times.
    if (!Array.isArray(certificateIds)) continue;
    const list = byOrigin.get(origin) ?? [];
    list.push(...certificateIds);
    byOrigin.set(origin, list);
  }
  const retry = new Set<string>();
  for (const [origin, ids] of byOrigin) for (const id of await renderCertificates(env, ids, origin)) retry.add(id);
  for (const m of messages) {
    if (m.body?.certificateIds?.some((id) => retry.has(id))) m.retry({ delaySeconds: 30 });
    else m.ack();
  }
}
