// Builders for test data: fresh events with a given capacity, and registration bodies.
import { env } from 'cloudflare:workers';
import { shanghaiDayAfter, UPCOMING_EVENT_ID } from '../../schema/seed/demo';

/** A time `days` days from today, HH:MM in Beijing, as ISO: registration closes at the start, so test events lie ahead. */
export const beijingIso = (days: number, hhmm: string) => `${shanghaiDayAfter(Date.now(), days)}T${hhmm}:00+08:00`;

let n = 0;
/** A published event open for registration (it starts in 30 days, 09:00–12:00 in Beijing), with one agenda item. */
export async function makeEvent(
  capacity: number,
  extra: Partial<{
    status: string;
    opensAt: number | null;
    closesAt: number | null;
    startsAt: number;
    endsAt: number;
    untilEnd: boolean;
  }> = {},
) {
  const startsAt = extra.startsAt ?? Date.parse(beijingIso(30, '09:00'));
  const endsAt = extra.endsAt ?? startsAt + 3 * 3_600_000;
  const id = `evt_t${++n}_${crypto.randomUUID().slice(0, 8)}`;
  const slug = `test-${id.slice(4).replaceAll('_', '-').toLowerCase()}`;
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO events (id, slug, title_zh, title_en, venue_zh, venue_en, timezone, starts_at, ends_at, capacity, status, registration_opens_at, registration_closes_at, registration_until_end)
      VALUES (?, ?, '测试会议', 'Test meeting', '测试医院', 'Test Hospital', 'Asia/Shanghai', ?, ?, ?, ?, ?, ?, ?)`).bind(
      id,
      slug,
      startsAt,
      endsAt,
      capacity,
      extra.status ?? 'published',
      extra.opensAt ?? null,
      extra.closesAt ?? null,
      extra.untilEnd ? 1 : 0,
    ),
    env.DB.prepare(
      `INSERT INTO sessions (id, event_id, kind, title_zh, title_en, starts_at, ends_at) VALUES (?, ?, 'talk', '报告', 'Talk', ?, ?)`,
    ).bind(`ses_${id}`, id, startsAt, startsAt + 3_600_000),
  ]);
  return { id, slug };
}

/**
 * Gives the demo organiser, and with `desk` the demo front desk, their role on an event, and clears the session cache
 * so staff already signed in see it. Giving a role again changes nothing.
 */
export async function giveStaffRoles(eventId: string, { desk = false } = {}) {
  await env.DB.prepare(
    `INSERT INTO staff_roles (staff_id, event_id, role) VALUES ('stf_demo_organiser', ?1, 'organiser')${desk ? ", ('stf_demo_desk', ?1, 'desk')" : ''} ON CONFLICT DO NOTHING`,
  )
    .bind(eventId)
    .run();
  const { clearSessionCache } = await import('../../worker/auth/session');
  clearSessionCache();
}

/** makeEvent, with the demo organiser given the organiser role on it (and the session cache cleared to see it). */
export async function organisedEvent(capacity = 50, extra: Parameters<typeof makeEvent>[1] = {}) {
  const ev = await makeEvent(capacity, extra);
  await giveStaffRoles(ev.id);
  return ev;
}

export const person = (i: number | string, extra: Record<string, unknown> = {}) => ({
  name: `参会者 ${i}`,
  email: `attendee${i}@example.org`,
  phone: '138 0000 0000',
  affiliation: '北京协和医院',
  jobTitle: '主治医师',
  locale: 'zh-CN',
  consent: true,
  ...extra,
});

export async function statusCounts(eventId: string) {
  const { results } = await env.DB.prepare(
    `SELECT status, count(*) n FROM registrations WHERE event_id = ? GROUP BY status`,
  )
    .bind(eventId)
    .all<{ status: string; n: number }>();
  return Object.fromEntries(results.map((r) => [r.status, r.n]));
}

/** The upcoming edition's two accredited talks, and the national CME rule the CME, certificate and evaluation tests set. */
export const TALKS = ['ses_next_breakthroughs', 'ses_next_panel'];
export const NATIONAL_RULE = {
  projectName: '细胞治疗新进展',
  projectNumber: '2026-04-01-123 (国)',
  level: 'national',
  creditClass: 'I',
  accreditedSessionIds: TALKS,
  attendee: { mode: 'per_hours', hoursPerCredit: 3 },
  lecturerCreditsPerHour: 2,
};

/** Moves the upcoming edition's agenda so its last item ended an hour ago: synced scans cannot lie in the future. */
export async function endUpcomingAgendaAnHourAgo() {
  const shift = `(SELECT max(ends_at) FROM sessions WHERE event_id = '${UPCOMING_EVENT_ID}') - ${Date.now() - 3_600_000}`;
  await env.DB.prepare(
    `UPDATE sessions SET starts_at = starts_at - (${shift}), ends_at = ends_at - (${shift}) WHERE event_id = ?`,
  )
    .bind(UPCOMING_EVENT_ID)
    .run();
}
