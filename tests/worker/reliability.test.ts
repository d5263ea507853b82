// Reliability: capacity and check-in under concurrency, races between cancellations and capacity changes,
// migrations upgrading a database with data in it, privacy duties, entropy and logs.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { SEARCH_EXPRESSIONS } from '../../worker/checkin/search';
import { recordCheckin } from '../../worker/checkin/statements';
import { atomically } from '../../worker/db';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { giveStaffRoles, makeEvent, person, statusCounts } from './fixtures';
import { installResendDouble } from '../fakes/resend';
import { call, signIn } from './helpers';
import { UPCOMING_SLUG } from '../../schema/seed/demo';

let org: string;
let desk: string;
beforeAll(async () => {
  org = await signIn('organiser@colloquy.test');
  desk = await signIn('desk@colloquy.test');
});
afterEach(() => vi.restoreAllMocks());

const register = (slug: string, i: string | number) =>
  call(`/api/events/${slug}/registrations`, { method: 'POST', json: person(i) });

describe('concurrency', () => {
  it('500 concurrent registrations for 100 seats: exactly 100 confirmed and 400 waitlisted', async () => {
    const { id, slug } = await makeEvent(100);
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => register(slug, `c500-${i}`)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(await statusCounts(id)).toEqual({ confirmed: 100, waitlisted: 400 });
    expect(results.filter((r) => r.body.registration.status === 'confirmed')).toHaveLength(100);
  }, 60_000);

  it('cancellations racing with registrations and capacity changes never oversell and never lose a waitlisted person', async () => {
    const { id, slug } = await makeEvent(30);
    await giveStaffRoles(id, { desk: true });
    const seats = async () =>
      (await env.DB.prepare(`SELECT capacity, (SELECT count(*) FROM registrations WHERE event_id = e.id AND status = 'confirmed') AS confirmed,
      (SELECT count(*) FROM registrations WHERE event_id = e.id AND status = 'waitlisted') AS waitlisted FROM events e WHERE id = ?`)
        .bind(id)
        .first<{ capacity: number; confirmed: number; waitlisted: number }>())!;
    const first = await Promise.all(Array.from({ length: 60 }, (_, i) => register(slug, `race-${i}`)));
    expect(await seats()).toEqual({ capacity: 30, confirmed: 30, waitlisted: 30 });
    // Cancelling takes the management link's token from the email (the registration answer carries it too).
    const tickets = first.map((r) => r.body.registration as { ticketCode: string; status: string; manageUrl: string });
    const confirmedCodes = tickets
      .filter((t) => t.status === 'confirmed')
      .map((t) => ({ code: t.ticketCode, token: new URL(t.manageUrl).searchParams.get('m') }));

    // Each step races 4 cancellations of confirmed tickets with 8 registrations. A raise also races with them
    // (it promotes, as the cancellations do); a cut lands first. Lowering capacity un-confirms nobody, so the
    // bound is the capacity, or what was confirmed before the step less the cancellations, whichever is larger.
    let late = 0;
    for (const capacity of [25, 40, 35, 50, 20]) {
      const before = await seats();
      const patch = () =>
        call(`/api/events/${slug}`, { method: 'PATCH', headers: { cookie: org }, json: { capacity } });
      if (capacity < before.capacity) expect((await patch()).status).toBe(200);
      const cancels = confirmedCodes.splice(0, 4);
      const results = await Promise.all([
        ...cancels.map(({ code, token }) => call(`/api/tickets/${code}/cancel`, { method: 'POST', json: { token } })),
        ...Array.from({ length: 8 }, () => register(slug, `race-late-${late++}`)),
        ...(capacity > before.capacity ? [patch()] : []),
      ]);
      expect(results.map((r) => r.status).filter((st) => st >= 300)).toEqual([]);
      const after = await seats();
      expect(after.capacity).toBe(capacity);
      expect(after.confirmed, `step to capacity ${capacity} from ${JSON.stringify(before)}`).toBeLessThanOrEqual(
        Math.max(capacity, before.confirmed - cancels.length),
      );
      expect(after.confirmed + after.waitlisted).toBe(before.confirmed + before.waitlisted - cancels.length + 8);
    }
    const counts = await statusCounts(id);
    expect(counts.cancelled).toBe(20);
    expect((counts.confirmed ?? 0) + (counts.waitlisted ?? 0)).toBe(80);
    // Settled: with the final capacity, nobody waits while a seat is free, and nobody holds a seat beyond it.
    await call(`/api/events/${slug}`, { method: 'PATCH', headers: { cookie: org }, json: { capacity: 20 } });
    const settled = await seats();
    expect(settled.confirmed).toBeLessThanOrEqual(Math.max(20, counts.confirmed ?? 0));
    if (settled.waitlisted > 0) expect(settled.confirmed).toBeGreaterThanOrEqual(20);
    expect(settled.confirmed + settled.waitlisted).toBe(80);
  }, 60_000);

  it('one ticket scanned at four desks at once is checked in once', async () => {
    const r = (await register(UPCOMING_SLUG, 'four-desks')).body.registration;
    const scans = await Promise.all(
      [1, 2, 3, 4].map((d) =>
        call(`/api/events/${UPCOMING_SLUG}/checkins`, {
          method: 'POST',
          headers: { cookie: desk },
          json: { code: r.ticketCode, deviceId: `dev-${d}`, clientId: `four-${d}`, deskId: `Desk ${d}` },
        }),
      ),
    );
    expect(scans.filter((s) => s.body.result === 'checked_in')).toHaveLength(1);
    expect(scans.filter((s) => s.body.result === 'already_checked_in')).toHaveLength(3);
  });
});

/** Starts empty (views first: they outlive the tables they read). */
async function emptyDatabase(db: D1Database) {
  const views = (await db.prepare(`SELECT name FROM sqlite_master WHERE type = 'view'`).all<{ name: string }>())
    .results;
  for (const v of views) await db.prepare(`DROP VIEW IF EXISTS "${v.name}"`).run();
  let tables = (
    await db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'`,
      )
      .all<{ name: string }>()
  ).results.map((t) => t.name);
  // Children before parents: a table whose drop fails on a reference is tried again in the next pass.
  for (let pass = 0; tables.length && pass < 20; pass++) {
    const left: string[] = [];
    for (const t of tables)
      await db
        .prepare(`DROP TABLE IF EXISTS "${t}"`)
        .run()
        .catch(() => left.push(t));
    tables = left;
  }
}

/** The event and ticket every migration test stores before upgrading: columns every migration since 0000 has. */
const keptTicket = (db: D1Database) => [
  db.prepare(
    `INSERT INTO events (id, slug, title_zh, title_en, venue_zh, venue_en, timezone, starts_at, ends_at, capacity, status) VALUES ('e1', 'kept', '保留', 'Kept', '院', 'Hosp', 'Asia/Shanghai', 1, 2, 5, 'published')`,
  ),
  db.prepare(
    `INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, status, role) VALUES ('r1', 'e1', 'code-kept-000000000000', '张三', 'z@example.org', 'z@example.org', 'confirmed', 'attendee')`,
  ),
];

describe('migrations', () => {
  it('re-keying the attendance scans (0016) keeps every scan, and a replayed clientId still adds nothing', async () => {
    const all = env.TEST_MIGRATIONS;
    const k = all.findIndex((m) => m.name.startsWith('0016_'));
    expect(k).toBeGreaterThan(0);
    const db = env.MIGRATION_DB;
    await emptyDatabase(db);
    await applyD1Migrations(db, all.slice(0, k));
    await db.batch([
      ...keptTicket(db),
      db.prepare(
        `INSERT INTO attendance_scans (id, event_id, registration_id, point, direction, scanned_at, desk_id, device_id, client_id, source, staff_id, created_at) VALUES ('att_a', 'e1', 'r1', '', 'in', 100, 'D1', 'dev1', 'c1', 'scan', 'st1', 7), ('att_b', 'e1', 'r1', '', 'out', 200, '', '', 'auto:att_a', 'auto', NULL, 8)`,
      ),
    ]);
    await applyD1Migrations(db, all);
    const replay = await db
      .prepare(
        `INSERT INTO attendance_scans (id, event_id, registration_id, point, direction, scanned_at, client_id) VALUES ('att_c', 'e1', 'r1', '', 'in', 300, 'c1') ON CONFLICT (event_id, client_id) DO NOTHING`,
      )
      .run();
    expect(replay.meta.changes).toBe(0);
    const rows = await db
      .prepare(
        `SELECT id, point, direction, scanned_at AS at, desk_id AS desk, device_id AS device, client_id AS clientId, source, staff_id AS staff, created_at AS created FROM attendance_scans ORDER BY scanned_at`,
      )
      .all();
    expect(rows.results).toEqual([
      {
        id: 'att_a',
        point: '',
        direction: 'in',
        at: 100,
        desk: 'D1',
        device: 'dev1',
        clientId: 'c1',
        source: 'scan',
        staff: 'st1',
        created: 7,
      },
      {
        id: 'att_b',
        point: '',
        direction: 'out',
        at: 200,
        desk: '',
        device: '',
        clientId: 'auto:att_a',
        source: 'auto',
        staff: null,
        created: 8,
      },
    ]);
  });

  it('moving the check-ins onto the registrations (0022) keeps every check-in; a second scan and an earlier offline scan still behave', async () => {
    const all = env.TEST_MIGRATIONS;
    const k = all.findIndex((m) => m.name.startsWith('0022_'));
    expect(k).toBeGreaterThan(0);
    const db = env.MIGRATION_DB;
    await emptyDatabase(db);
    await applyD1Migrations(db, all.slice(0, k));
    await db.batch([
      db.prepare(
        `INSERT INTO events (id, slug, title_zh, title_en, venue_zh, venue_en, timezone, starts_at, ends_at, capacity, status) VALUES ('e1', 'kept', '保留', 'Kept', '院', 'Hosp', 'Asia/Shanghai', 1, 2, 5, 'published')`,
      ),
      db.prepare(
        `INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, status, role) VALUES ('r1', 'e1', 'code-kept-000000000001', '张三', 'z@example.org', 'z@example.org', 'confirmed', 'attendee'), ('r2', 'e1', 'code-kept-000000000002', '李四', 'l@example.org', 'l@example.org', 'confirmed', 'attendee'), ('r3', 'e1', 'code-kept-000000000003', '王五', 'w@example.org', 'w@example.org', 'confirmed', 'attendee')`,
      ),
      db.prepare(
        `INSERT INTO checkins (registration_id, event_id, desk_id, device_id, client_id, source, scanned_at, staff_id, created_at, changed_at) VALUES ('r1', 'e1', 'D1', 'dev1', 'c1', 'scan', 100, 'st1', 7, 101), ('r2', 'e1', '', 'dev2', 'c2', 'walk_in', 200, NULL, 8, 201)`,
      ),
    ]);
    await applyD1Migrations(db, all);
    const scan = (id: string, clientId: string, at: number, rule: 'first_arrival' | 'earliest_scan') =>
      atomically(db, [
        recordCheckin(
          { registrationId: id },
          { eventId: 'e1', deskId: 'D2', deviceId: 'dev3', clientId, scannedAt: at, source: 'scan', staffId: 'st2' },
          rule,
        ),
      ]);
    // A second live scan changes nothing; a scan synced from a desk that was offline, made earlier, wins.
    await scan('r1', 'c3', 300, 'first_arrival');
    await scan('r2', 'c4', 150, 'earliest_scan');
    const rows = await db
      .prepare(
        `SELECT registration_id AS id, event_id AS eventId, desk_id AS desk, device_id AS device, client_id AS clientId, source, scanned_at AS at, staff_id AS staff, created_at AS created, changed_at > 1000 AS changedNow FROM checkins ORDER BY registration_id`,
      )
      .all();
    expect(rows.results).toEqual([
      {
        id: 'r1',
        eventId: 'e1',
        desk: 'D1',
        device: 'dev1',
        clientId: 'c1',
        source: 'scan',
        at: 100,
        staff: 'st1',
        created: 7,
        changedNow: 0,
      },
      // The earlier offline scan moved the check-in earlier, and the desks' pull sees it as changed.
      {
        id: 'r2',
        eventId: 'e1',
        desk: 'D2',
        device: 'dev3',
        clientId: 'c4',
        source: 'scan',
        at: 150,
        staff: 'st2',
        created: 8,
        changedNow: 1,
      },
    ]);
    // The registrations kept everything else, and the one nobody scanned is still not checked in.
    const people = await db
      .prepare(`SELECT id, name, status, checked_in_at AS at FROM registrations ORDER BY id`)
      .all();
    expect(people.results).toEqual([
      { id: 'r1', name: '张三', status: 'confirmed', at: 100 },
      { id: 'r2', name: '李四', status: 'confirmed', at: 150 },
      { id: 'r3', name: '王五', status: 'confirmed', at: null },
    ]);
  });

  it('upgrading a database made by every earlier migration keeps its data', async () => {
    const all = env.TEST_MIGRATIONS;
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (let k = 1; k < all.length; k++) {
      const db = env.MIGRATION_DB;
      await emptyDatabase(db);
      await applyD1Migrations(db, all.slice(0, k));
      await db.batch([
        ...keptTicket(db),
        // Before 0022 a check-in was a row of its own; since, it is on the registration.
        all.slice(0, k).some((m) => m.name.startsWith('0022_'))
          ? db.prepare(
              `UPDATE registrations SET checked_in_at = 123, checkin_client_id = 'c1', checkin_changed_at = 123 WHERE id = 'r1'`,
            )
          : db.prepare(
              `INSERT INTO checkins (registration_id, event_id, client_id, scanned_at) VALUES ('r1', 'e1', 'c1', 123)`,
            ),
        db.prepare(
          `INSERT INTO emails (id, event_id, registration_id, kind, "to") VALUES ('m1', 'e1', 'r1', 'confirmation', 'z@example.org')`,
        ),
      ]);
      await applyD1Migrations(db, all);
      const row = await db
        .prepare(
          `SELECT r.name, r.status, c.scanned_at AS at, (SELECT count(*) FROM emails) AS mails FROM registrations r JOIN checkins c ON c.registration_id = r.id WHERE r.id = 'r1'`,
        )
        .first();
      expect(row, `after upgrading from ${all[k - 1]!.name}`).toEqual({
        name: '张三',
        status: 'confirmed',
        at: 123,
        mails: 1,
      });
    }
    // Every migration adds a round that applies all of them again: the time grows with their square.
  }, 60_000);
});

describe('privacy', () => {
  it('registration requires explicit consent, and records when it was given', async () => {
    const { slug, id } = await makeEvent(5);
    const without = await call(`/api/events/${slug}/registrations`, {
      method: 'POST',
      json: { ...person('noconsent'), consent: undefined },
    });
    expect(without.status).toBe(400);
    expect(without.body.error.fields!.consent).toBeDefined();
    await register(slug, 'consent');
    const row = await env.DB.prepare(`SELECT consent_at FROM registrations WHERE event_id = ?`)
      .bind(id)
      .first<{ consent_at: number }>();
    expect(row!.consent_at).toBeGreaterThan(Date.now() - 60_000);
  });

  it('an organiser purges personal data after the retention period; counts stay', async () => {
    const { id, slug } = await makeEvent(5);
    await giveStaffRoles(id, { desk: true });
    for (let i = 0; i < 3; i++) await register(slug, `purge-${i}`);
    const early = await call(`/api/events/${slug}/purge`, {
      method: 'POST',
      headers: { cookie: org },
      json: { confirm: slug },
    });
    expect([early.status, early.body.error.code]).toEqual([409, 'retention_not_over']);
    await env.DB.prepare(`UPDATE events SET ends_at = ? WHERE id = ?`)
      .bind(Date.now() - 31 * 86_400_000, id)
      .run();
    expect(
      (
        await call(`/api/events/${slug}/purge`, {
          method: 'POST',
          headers: { cookie: org },
          json: { confirm: 'wrong' },
        })
      ).status,
    ).toBe(400);
    const res = await call(`/api/events/${slug}/purge`, {
      method: 'POST',
      headers: { cookie: org },
      json: { confirm: slug },
    });
    expect(res.body.purged).toBe(3);
    const dump =
      JSON.stringify((await env.DB.prepare(`SELECT * FROM registrations WHERE event_id = ?`).bind(id).all()).results) +
      JSON.stringify((await env.DB.prepare(`SELECT * FROM emails WHERE event_id = ?`).bind(id).all()).results);
    expect(dump).not.toMatch(/参会者|attendeepurge|138 0000|协和/);
    // The desk search reads names, institutions, emails and phones from the index on its columns: nothing of them is left.
    const searchable = JSON.stringify(
      (
        await env.DB.prepare(
          `SELECT ${SEARCH_EXPRESSIONS.name} AS search_name, ${SEARCH_EXPRESSIONS.affiliation} AS search_affiliation, ${SEARCH_EXPRESSIONS.contact} AS search_contact FROM registrations INDEXED BY registrations_event_created WHERE event_id = ?`,
        )
          .bind(id)
          .all()
      ).results,
    );
    expect(searchable).not.toMatch(/参会者|attendeepurge|13800000000|协和/);
    expect(await statusCounts(id)).toEqual({ confirmed: 3 });
  });
});

describe('tickets and logs', () => {
  it('ticket codes carry at least 128 bits: 22 base64url characters, all distinct', async () => {
    const { slug } = await makeEvent(300);
    const codes = (await Promise.all(Array.from({ length: 200 }, (_, i) => register(slug, `ent-${i}`)))).map(
      (r) => r.body.registration.ticketCode as string,
    );
    expect(new Set(codes).size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[A-Za-z0-9_-]{22}$/); // 22 × 6 = 132 bits from 16 random bytes
    // Every character position varies: nothing fixed or sequential.
    for (let i = 0; i < 21; i++) expect(new Set(codes.map((c) => c[i])).size).toBeGreaterThan(20);
  }, 60_000);

  it('no personal data reaches the logs, even when a request fails', async () => {
    const lines: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, level).mockImplementation((...a: unknown[]) => {
        lines.push(a.map(String).join(' '));
      });
    const resend = installResendDouble();
    const { slug } = await makeEvent(1);
    const who = (i: string) => person(`log${i}`, { name: '隐私测试姓名', phone: '13911112222' });
    // Requests that fail without logging: a duplicate and bad input.
    await call(`/api/events/${slug}/registrations`, { method: 'POST', json: who('') });
    await call(`/api/events/${slug}/registrations`, { method: 'POST', json: who('') });
    await call(`/api/events/${slug}/registrations`, {
      method: 'POST',
      json: { name: '隐私测试姓名', email: 'not-an-email-13911112222' },
    });
    expect(lines).toEqual([]);

    // An unhandled error: D1 refuses the registration's batch.
    const failed = await call(
      `/api/events/${slug}/registrations`,
      { method: 'POST', json: who('-d1') },
      { DB: overloadedD1('batch') },
    );
    expect(failed.status).toBe(500);
    // An unhandled error inside the sign-in batch, whose parameters are a staff member's address.
    const signIn = await call(
      '/api/auth/sign-in',
      { method: 'POST', json: { email: 'privacy.check@example.org' } },
      { DB: overloadedD1('batch') },
    );
    expect(signIn.status).toBe(500);
    // A failed queue send, then a failed Resend call for the confirmation it falls back to sending at once.
    resend.failNext(500);
    const queued = await call(
      `/api/events/${slug}/registrations`,
      { method: 'POST', json: who('-queue') },
      { OUTBOX: brokenQueue as never, RESEND_API_KEY: 're_test_key_123' },
    );
    expect(queued.status).toBe(201);
    expect(resend.calls.map((c) => c.status)).toEqual([500]);

    const log = lines.join('\n');
    expect(lines.filter((l) => l.startsWith('unhandled'))).toHaveLength(2);
    expect(log).toContain('queue send failed');
    expect(log).not.toMatch(/隐私测试姓名|13911112222|attendeelog|privacy\.check|example\.org/);
  });
});

/** A D1 that answers "overloaded" to every batch, or to every single statement (drizzle's queries), as D1 can. */
function overloadedD1(fail: 'batch' | 'single'): D1Database {
  const refuse = async () => {
    throw new Error('D1_ERROR: D1 DB is overloaded. Requests queued for too long.');
  };
  const statement = (s: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(s, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => statement(target.bind(...values));
        if (fail === 'single' && ['all', 'run', 'raw', 'first'].includes(prop as string)) return refuse;
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  return new Proxy(env.DB, {
    get(target, prop) {
      if (prop === 'batch' && fail === 'batch') return refuse;
      if (prop === 'prepare') return (query: string) => statement(target.prepare(query));
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

const brokenQueue = {
  send: async () => {
    throw new Error('Queue send failed: internal error');
  },
  sendBatch: async () => {
    throw new Error('Queue send failed');
  },
};
