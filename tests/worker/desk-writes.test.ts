// What the desk's writes cost in D1, from the meter D1 itself reports (Server-Timing in development): one round trip
// per scan, and the rows written per table and index (issue 21: at most 3 per check-in; D1 bills every index entry).
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { UPCOMING_EVENT_ID, UPCOMING_SLUG } from '../../schema/seed/demo';
import { person } from './fixtures';
import { call, signIn } from './helpers';

const SLUG = UPCOMING_SLUG;
const PANEL = 'ses_next_panel';
/** An item only one test scans at, sorting after every other scan in this file: its ledger ends the table. */
const LAST = 'ses_zz_desk_writes';
let desk: string;
let n = 0;

const register = async (i: string) =>
  (await call(`/api/events/${SLUG}/registrations`, { method: 'POST', json: person(i) })).body.registration as {
    ticketCode: string;
  };
const meter = (headers: Headers) => {
  const m = /round_trips=(\d+) rows_read=(\d+) rows_written=(\d+)/.exec(headers.get('server-timing') ?? '');
  if (!m) throw new Error('no D1 meter in Server-Timing');
  return { roundTrips: Number(m[1]), rowsRead: Number(m[2]), rowsWritten: Number(m[3]) };
};
const checkIn = async (code: string, clientId = `dw-${++n}`) => {
  const res = await call(`/api/events/${SLUG}/checkins`, {
    method: 'POST',
    headers: { cookie: desk },
    json: { code, deviceId: 'dev-dw', clientId, deskId: 'Desk 1' },
  });
  return { result: res.body.result, ...meter(res.headers) };
};
const scanAt = async (code: string, point: { sessionId?: string; direction: 'in' | 'out' }, clientId = `dw-${++n}`) => {
  const res = await call(`/api/events/${SLUG}/attendance/scans`, {
    method: 'POST',
    headers: { cookie: desk },
    json: { code, deviceId: 'dev-dw', clientId, deskId: 'Desk 1', ...point },
  });
  return { status: res.status, result: res.body.result, ...meter(res.headers) };
};

beforeAll(async () => {
  desk = await signIn('desk@colloquy.test');
  await env.DB.prepare(
    `INSERT INTO sessions (id, event_id, kind, title_zh, title_en, starts_at, ends_at) SELECT ?, id, 'talk', '报告', 'Talk', starts_at, ends_at FROM events WHERE id = ?`,
  )
    .bind(LAST, UPCOMING_EVENT_ID)
    .run();
  // The first desk request of an isolate also reads the staff session; scans after it are what the desk repeats.
  await checkIn((await register('dw-warm')).ticketCode);
});

describe('an entrance check-in', () => {
  it('is one statement that writes 1 row (the registration, in place, no index); a repeat rewrites it unchanged', async () => {
    const { ticketCode } = await register('dw-1');
    expect(await checkIn(ticketCode)).toMatchObject({ result: 'checked_in', roundTrips: 1, rowsWritten: 1 });
    expect(await checkIn(ticketCode)).toMatchObject({ result: 'already_checked_in', roundTrips: 1, rowsWritten: 1 });
    const row = await env.DB.prepare(
      `SELECT checkin_client_id AS clientId, checkin_desk_id AS deskId FROM registrations WHERE ticket_code = ?`,
    )
      .bind(ticketCode)
      .first();
    expect(row).toEqual({ clientId: `dw-${n - 1}`, deskId: 'Desk 1' });
  });

  it('reads 2 rows: the ticket by its code (the index entry, then the row), and nothing more to answer', async () => {
    const { ticketCode } = await register('dw-2');
    expect(await checkIn(ticketCode)).toMatchObject({ roundTrips: 1, rowsRead: 2 });
  });
});

describe('a sign-in or sign-out at a point', () => {
  it('is one round trip that writes 2 rows (the scan, keyed for the ledger, and the clientId index); a replay writes none', async () => {
    const { ticketCode } = await register('dw-3');
    const first = await scanAt(ticketCode, { sessionId: PANEL, direction: 'in' }, 'dw-replayed');
    expect(first).toMatchObject({ result: 'signed_in', roundTrips: 1, rowsWritten: 2 });
    const replay = await scanAt(ticketCode, { sessionId: PANEL, direction: 'in' }, 'dw-replayed');
    expect(replay).toMatchObject({ result: 'signed_in', roundTrips: 1, rowsWritten: 0 });
    expect(await scanAt(ticketCode, { sessionId: PANEL, direction: 'out' })).toMatchObject({
      result: 'signed_out',
      roundTrips: 1,
      rowsWritten: 2,
    });
    expect(await scanAt(ticketCode, { direction: 'in' })).toMatchObject({
      result: 'signed_in',
      roundTrips: 1,
      rowsWritten: 2,
    });
  });

  it('looks the agenda item up once: 4 rows read, the ticket and the item to decide, the ticket and its scan to answer', async () => {
    const { ticketCode } = await register('dw-4');
    // Alone at the last key, the ledger's range scan reads just this scan (elsewhere it also steps onto the next key).
    expect(await scanAt(ticketCode, { sessionId: LAST, direction: 'in' })).toMatchObject({
      result: 'signed_in',
      roundTrips: 1,
      rowsRead: 4,
    });
  });

  it('an unknown agenda item is still refused, in the same one round trip', async () => {
    const { ticketCode } = await register('dw-5');
    const res = await scanAt(ticketCode, { sessionId: 'ses_nowhere', direction: 'in' });
    expect(res).toMatchObject({ status: 404, roundTrips: 1, rowsWritten: 0 });
  });

  it("leaves the public event page cached, as a check-in does: no Cache API purge on the desk's path", async () => {
    const { ticketCode } = await register('dw-6');
    await call(`/api/events/${SLUG}`);
    expect((await call(`/api/events/${SLUG}`)).headers.get('server-timing')).toContain('round_trips=0');
    expect(await scanAt(ticketCode, { sessionId: PANEL, direction: 'in' })).toMatchObject({ result: 'signed_in' });
    expect(await scanAt(ticketCode, { direction: 'in' })).toMatchObject({ result: 'signed_in' });
    expect((await call(`/api/events/${SLUG}`)).headers.get('server-timing')).toContain('round_trips=0');
  });
});
