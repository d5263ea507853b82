// Builders for test data: fresh events with a given capacity, and registration bodies.
import { env } from 'cloudflare:workers';

let n = 0;
/** A published event open for registration, with one agenda item. Returns its slug. */
export async function makeEvent(capacity: number, extra: Partial<{ status: string; opensAt: number | null; closesAt: number | null }> = {}) {
  const id = `evt_t${++n}_${crypto.randomUUID().slice(0, 8)}`;
  const slug = `test-${id.slice(4).replaceAll('_', '-').toLowerCase()}`;
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO events (id, slug, title_zh, title_en, venue_zh, venue_en, timezone, starts_at, ends_at, capacity, status, registration_opens_at, registration_closes_at)
      VALUES (?, ?, '测试会议', 'Test meeting', '测试医院', 'Test Hospital', 'Asia/Shanghai', ?, ?, ?, ?, ?, ?)`)
      .bind(id, slug, Date.parse('2026-12-01T01:00:00Z'), Date.parse('2026-12-01T04:00:00Z'), capacity, extra.status ?? 'published', extra.opensAt ?? null, extra.closesAt ?? null),
    env.DB.prepare(`INSERT INTO sessions (id, event_id, kind, title_zh, title_en, starts_at, ends_at) VALUES (?, ?, 'talk', '报告', 'Talk', ?, ?)`)
      .bind(`ses_${id}`, id, Date.parse('2026-12-01T01:00:00Z'), Date.parse('2026-12-01T02:00:00Z')),
  ]);
  return { id, slug };
}

export const person = (i: number | string, extra: Record<string, unknown> = {}) => ({
  name: `参会者 ${i}`, email: `attendee${i}@example.org`, phone: '138 0000 0000', affiliation: '北京协和医院', jobTitle: '主治医师', locale: 'zh-CN', consent: true, ...extra,
});

export async function statusCounts(eventId: string) {
  const { results } = await env.DB.prepare(`SELECT status, count(*) n FROM registrations WHERE event_id = ? GROUP BY status`).bind(eventId).all<{ status: string; n: number }>();
  return Object.fromEntries(results.map((r) => [r.status, r.n]));
}
