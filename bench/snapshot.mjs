// The offline desk's first download and its delta: every snapshot page as the desk pulls them (the compact v2 rows), raw
// and gzipped, the time on a 1 Mbit/s link computed from the size, and the delta after `changes` check-ins; beside
// it, the first download in the v1 objects older desks pull.
import { gzipSync } from 'node:zlib';
import { SLUG } from './seed.mjs';

const MBIT = 1_000_000;

/** Pulls every page from `since` on; returns the tickets, the bytes raw and gzipped (per page, as sent), and the new cursor. */
async function pull(origin, cookie, since, v = '2') {
  let after = '';
  let raw = 0;
  let gzip = 0;
  let tickets = 0;
  let pages = 0;
  let cursor = null;
  let encoding = null;
  do {
    const res = await fetch(`${origin}/api/events/${SLUG}/checkins/snapshot?since=${since}&after=${after}&v=${v}`, {
      headers: { cookie, 'accept-encoding': 'gzip' },
    });
    if (!res.ok) throw new Error(`snapshot page ${pages + 1}: HTTP ${res.status}`);
    encoding = res.headers.get('content-encoding');
    const body = Buffer.from(await res.arrayBuffer());
    const page = JSON.parse(body.toString('utf8'));
    raw += body.length;
    gzip += gzipSync(body, { level: 6 }).length;
    tickets += page.tickets.length + (page.rows?.length ?? 0);
    cursor ??= page.cursor;
    after = page.next;
    pages++;
  } while (after && pages < 1000);
  return { tickets, pages, raw, gzip, cursor, encoding };
}

const seconds = (bytes) => Math.round(((bytes * 8) / MBIT) * 10) / 10;

/** `checkin(n)` admits the n-th of `changes` tickets (the bench's own check-in route), between the two pulls. */
export async function snapshotFigures(origin, cookie, { changes = 100, checkin }) {
  const v1 = await pull(origin, cookie, 0, '1');
  const first = await pull(origin, cookie, 0);
  // The cursor is "now − 5 s": wait past the overlap so the delta holds only the changes made after the first pull.
  await new Promise((r) => setTimeout(r, 5_500));
  for (let i = 0; i < changes; i++) await checkin(i);
  const delta = await pull(origin, cookie, first.cursor);
  return {
    tickets: first.tickets,
    pages: first.pages,
    bytes: first.raw,
    gzipBytes: first.gzip,
    bytesPerTicket: Math.round(first.raw / Math.max(1, first.tickets)),
    seconds1Mbit: seconds(first.raw),
    gzipSeconds1Mbit: seconds(first.gzip),
    // What 20,000 tickets come to, at the measured bytes per ticket (the bench seeds fewer).
    at20000: {
      bytes: Math.round((first.raw / Math.max(1, first.tickets)) * 20_000),
      gzipBytes: Math.round((first.gzip / Math.max(1, first.tickets)) * 20_000),
    },
    v1: {
      bytes: v1.raw,
      gzipBytes: v1.gzip,
      at20000: {
        bytes: Math.round((v1.raw / Math.max(1, v1.tickets)) * 20_000),
        gzipBytes: Math.round((v1.gzip / Math.max(1, v1.tickets)) * 20_000),
      },
    },
    changes,
    delta: { tickets: delta.tickets, bytes: delta.raw, gzipBytes: delta.gzip },
    servedEncoding: first.encoding,
  };
}
