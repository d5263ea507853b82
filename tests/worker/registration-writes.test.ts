// Rows written per registration (what D1 bills): the whole batch, statement by statement, from D1's own meta.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { UPCOMING_SLUG } from '../../schema/seed/demo';
import { call } from './helpers';
import { person } from './fixtures';
import { SEARCH_EXPRESSIONS } from '../../worker/checkin/search';

/** A D1 binding that records each batched statement's SQL and D1's meta.rows_written for it. */
function recordingDb() {
  const seen: { sql: string; written: number; read: number }[] = [];
  const sqlOf = new WeakMap<object, string>();
  const db = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === 'prepare')
        return (query: string) => {
          const stmt = target.prepare(query);
          return new Proxy(stmt, {
            get(t, p) {
              if (p === 'bind')
                return (...args: unknown[]) => {
                  const bound = t.bind(...args);
                  sqlOf.set(bound, query);
                  return bound;
                };
              const v = Reflect.get(t, p, t);
              return typeof v === 'function' ? v.bind(t) : v;
            },
          });
        };
      if (prop === 'batch')
        return async (stmts: D1PreparedStatement[]) => {
          const results = await target.batch(stmts);
          for (const [i, r] of results.entries())
            seen.push({
              sql: (sqlOf.get(stmts[i]!) ?? '?').replace(/\s+/g, ' ').trim().slice(0, 60),
              written: r.meta.rows_written,
              read: r.meta.rows_read,
            });
          return results;
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db, seen };
}

const register = (db: D1Database, who: string, ip = '203.0.113.77') =>
  call(
    `/api/events/${UPCOMING_SLUG}/registrations`,
    {
      method: 'POST',
      json: person(who, { name: '欧阳小明', affiliation: '北京协和医院', phone: '13812345678' }),
      headers: { 'cf-connecting-ip': ip },
    },
    { DB: db } as never,
  );

const total = (seen: { written: number }[]) => seen.reduce((n, s) => n + s.written, 0);

describe('rows written per registration (issue 21: at most 10, the desk search included)', () => {
  it('a confirmed registration with a long CJK name and institution, a phone and a rate-limited address writes at most 10 rows', async () => {
    const { db, seen } = recordingDb();
    const res = await register(db, 'rows-1');
    expect(res.status).toBe(201);
    expect(res.body.registration.status).toBe('confirmed');
    // D1's meta, statement by statement: one statement, the registration (the row, its id, ticket code, live
    // address, status and created-order indexes, and the seat counter's trigger) and, through the
    // registrations_confirmation_email trigger, the confirmation in the outbox (its row, emails_due and
    // emails_registration); no event read (the insert's own conditions check the event) and no manage_tokens row
    // (the hash is on the registration).
    expect(seen.map((s) => [s.sql.split(' ').slice(0, 3).join(' '), s.written])).toEqual([
      ['INSERT INTO registrations', 10],
    ]);
    expect(total(seen)).toBeLessThanOrEqual(10);
    // The meter the bench reads says the same.
    expect(res.headers.get('server-timing')).toMatch(/round_trips=\d+ rows_read=\d+ rows_written=10"/);
    // And the person is found at the desk by a part of the name, the institution and the phone's last 4 digits.
    const found = await env.DB.prepare(
      `SELECT count(*) AS n FROM registrations WHERE id = ? AND instr(${SEARCH_EXPRESSIONS.name}, '小明') > 0 AND instr(${SEARCH_EXPRESSIONS.affiliation}, '协和') > 0 AND instr(${SEARCH_EXPRESSIONS.contact}, '5678' || char(28)) > 0`,
    )
      .bind(res.body.registration.id)
      .first<{ n: number }>();
    expect(found!.n).toBe(1);
  });

  it('a second one from the same address writes no more: the rate limit keeps no row', async () => {
    const first = recordingDb();
    expect((await register(first.db, 'rows-2')).status).toBe(201);
    const second = recordingDb();
    expect((await register(second.db, 'rows-3')).status).toBe(201);
    expect(total(second.seen)).toBeLessThanOrEqual(10);
    expect(total(second.seen)).toBe(total(first.seen));
  });

  it('the same address again: refused, and the ticket re-sent carries a link that manages it', async () => {
    const first = await register(env.DB, 'rows-again', '203.0.113.78');
    expect(first.status).toBe(201);
    const { db, seen } = recordingDb();
    const again = await register(db, 'rows-again', '203.0.113.78');
    expect([again.status, again.body.error.code]).toEqual([409, 'already_registered']);
    // The registration's statement writes nothing (nor does its trigger); the event read explains the refusal, and
    // then the re-send's email row and its management token (emails_resend_manage_token: its row and 2 index entries).
    expect(seen.map((s) => [s.sql.split(' ').slice(0, 3).join(' '), s.written])).toEqual([
      ['INSERT INTO registrations', 0],
      ['SELECT status, starts_at', 0],
      ['INSERT INTO emails', 6],
    ]);
    const resent = await env.DB.prepare(`SELECT payload FROM emails WHERE registration_id = ? AND kind = 'resend'`)
      .bind(first.body.registration.id)
      .first<{ payload: string }>();
    const token = JSON.parse(resent!.payload).manage as string;
    expect(token).not.toBe(new URL(first.body.registration.manageUrl).searchParams.get('m'));
    // The attendee follows the re-sent link and cancels: it works.
    const cancel = await call(`/api/tickets/${first.body.registration.ticketCode}/cancel`, {
      method: 'POST',
      json: { token },
    });
    expect([cancel.status, cancel.body.ticket?.status]).toEqual([200, 'cancelled']);
  });
});
