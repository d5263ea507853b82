// What the offline desk keeps in IndexedDB, one database per event: the ticket snapshot, the scans waiting to sync, sync notes.
import { api, type Success } from '../api';
import type { CheckinResult } from './checkin';
import { deleteDb, done, openDb, transaction } from './idb';

const checkins = api.api.events[':slug'].checkins;
/** GET /api/events/:slug/checkins/snapshot: one page of the event's tickets, hashed. */
export type Snapshot = Success<(typeof checkins)['snapshot']['$get']>;

/** One registration as the snapshot API gives it; `pending` marks a check-in made here that the server has not seen yet. */
export type SavedTicket = Snapshot['tickets'][number] & { pending?: boolean };

/** A scan this desk admitted offline, as the batch API takes it, plus what the page needs to show it. */
export type QueuedScan = {
  clientId: string;
  code?: string;
  registrationId?: string;
  scannedAt: string;
  deskId: string;
  localResult: 'checked_in' | 'signed_in' | 'signed_out';
  ticketId: string;
  name: string;
  /** Attendance: a sign-in or sign-out at the whole event ('' ) or one agenda item, not an entrance check-in. */
  sessionId?: string;
  direction?: 'in' | 'out';
};

/** A scan admitted offline that the server, once synced, answered differently (most often: another desk was first). */
export type SyncNote = {
  clientId: string;
  name: string;
  result: CheckinResult;
  scannedAt: string;
  checkedInAt: string | null;
  deskId: string | null;
};

/** The server's answer to one scan of a synced batch. */
export type BatchResult = Success<(typeof checkins)['batch']['$post']>['results'][number];

/** A point and direction as the desk chose them; sessionId '' is the whole event. */
type AtPoint = { sessionId: string; direction: 'in' | 'out' };
export type LocalPointCheck =
  | { kind: 'not_saved' }
  | {
      kind: 'answered';
      ticket: SavedTicket;
      result:
        | 'signed_in'
        | 'already_signed_in'
        | 'signed_out'
        | 'already_signed_out'
        | Exclude<SavedTicket['status'], 'confirmed'>;
      queued: boolean;
    };
/** Where this device last saw a person at a point: the server's live answers and its own offline scans. */
const pointKey = (ticketId: string, sessionId: string) => `point:${ticketId}:${sessionId}`;

export type LocalCheck =
  | { kind: 'not_saved' }
  | { kind: 'answered'; ticket: SavedTicket; result: CheckinResult; queued: boolean };

const dbName = (slug: string) => `colloquy-desk:${slug}`;
const TICKETS = 'tickets';
const QUEUE = 'queue';
const NOTES = 'notes';
const META = 'meta';

export type OfflineStore = Awaited<ReturnType<typeof openStore>>;

export async function openStore(slug: string) {
  const db = await openDb(dbName(slug), 1, (d) => {
    d.createObjectStore(TICKETS, { keyPath: 'id' }).createIndex('hash', 'hash');
    d.createObjectStore(QUEUE, { keyPath: 'clientId' });
    d.createObjectStore(NOTES, { keyPath: 'clientId' });
    d.createObjectStore(META);
  });

  const findTicket = (tx: IDBTransaction, by: { hash: string } | { id: string }) => {
    const tickets = tx.objectStore(TICKETS);
    // By prefix: a ticket saved from a v1 snapshot (22 characters) is found by the 12 a v2 desk computes.
    return done<SavedTicket | undefined>(
      'hash' in by ? tickets.index('hash').get(IDBKeyRange.bound(by.hash, `${by.hash}\uffff`)) : tickets.get(by.id),
    );
  };

  return {
    close: () => db.close(),

    meta: <T>(key: string) =>
      transaction(db, [META], 'readonly', (tx) => done<T | undefined>(tx.objectStore(META).get(key))),
    setMeta: (key: string, value: unknown) =>
      transaction(db, [META], 'readwrite', (tx) => {
        tx.objectStore(META).put(value, key);
      }),

    counts: () =>
      transaction(db, [TICKETS, QUEUE], 'readonly', async (tx) => ({
        saved: await done(tx.objectStore(TICKETS).count()),
        waiting: await done(tx.objectStore(QUEUE).count()),
      })),

    ticket: (by: { hash: string } | { id: string }) =>
      transaction(db, [TICKETS], 'readonly', (tx) => findTicket(tx, by)),

    /**
     * The offline answer to a scan, decided and recorded in one transaction, so two quick scans of one ticket
     * cannot both be admitted: the first is queued and marks the ticket, the second reads that mark.
     */
    admit: (by: { hash: string } | { id: string }, scan: Omit<QueuedScan, 'ticketId' | 'name' | 'localResult'>) =>
      transaction(db, [TICKETS, QUEUE], 'readwrite', async (tx): Promise<LocalCheck> => {
        const ticket = await findTicket(tx, by);
        if (!ticket) return { kind: 'not_saved' };
        if (ticket.checkedInAt) return { kind: 'answered', ticket, result: 'already_checked_in', queued: false };
        if (ticket.status !== 'confirmed') return { kind: 'answered', ticket, result: ticket.status, queued: false };
        const queued: QueuedScan = { ...scan, localResult: 'checked_in', ticketId: ticket.id, name: ticket.name };
        const admitted: SavedTicket = { ...ticket, checkedInAt: scan.scannedAt, deskId: scan.deskId, pending: true };
        tx.objectStore(QUEUE).put(queued);
        tx.objectStore(TICKETS).put(admitted);
        return { kind: 'answered', ticket: admitted, result: 'checked_in', queued: true };
      }),

    /**
     * The offline answer to a sign-in or sign-out: a confirmed ticket is queued with its point, unless this device
     * already saw the person go that way there (then it says so and queues nothing). Other desks' scans are not in the
     * snapshot: the server pairs every desk's scans when they sync, earliest first.
     */
    admitAtPoint: (
      by: { hash: string } | { id: string },
      scan: Omit<QueuedScan, 'ticketId' | 'name' | 'localResult' | 'sessionId' | 'direction'>,
      at: AtPoint,
    ) =>
      transaction(db, [TICKETS, QUEUE, META], 'readwrite', async (tx): Promise<LocalPointCheck> => {
        const ticket = await findTicket(tx, by);
        if (!ticket) return { kind: 'not_saved' };
        if (ticket.status !== 'confirmed') return { kind: 'answered', ticket, result: ticket.status, queued: false };
        const key = pointKey(ticket.id, at.sessionId);
        const last = await done<'in' | 'out' | undefined>(tx.objectStore(META).get(key));
        const done_ = at.direction === 'in' ? 'signed_in' : 'signed_out';
        if (last === at.direction) return { kind: 'answered', ticket, result: `already_${done_}`, queued: false };
        const queued: QueuedScan = { ...scan, ...at, localResult: done_, ticketId: ticket.id, name: ticket.name };
        tx.objectStore(QUEUE).put(queued);
        tx.objectStore(META).put(at.direction, key);
        return { kind: 'answered', ticket, result: done_, queued: true };
      }),

    /** The server's answer to a live sign-in or sign-out, so that going offline a moment later answers from it. */
    rememberPoint: (ticketId: string, at: AtPoint) =>
      transaction(db, [META], 'readwrite', (tx) => {
        tx.objectStore(META).put(at.direction, pointKey(ticketId, at.sessionId));
      }),

    /** The server's answer to a live scan, so that going offline a moment later does not admit the same person again. */
    remember: (registrationId: string, checkedInAt: string | null, deskId: string | null) =>
      transaction(db, [TICKETS], 'readwrite', async (tx) => {
        const ticket = await findTicket(tx, { id: registrationId });
        if (ticket && checkedInAt) tx.objectStore(TICKETS).put({ ...ticket, checkedInAt, deskId, pending: false });
      }),

    /** Oldest first, so the earliest scans reach the server first. */
    queued: () =>
      transaction(db, [QUEUE], 'readonly', async (tx) =>
        (await done<QueuedScan[]>(tx.objectStore(QUEUE).getAll())).sort((a, b) =>
          a.scannedAt.localeCompare(b.scannedAt),
        ),
      ),

    /** Takes synced scans off the queue, keeps the server's check-in on their tickets, and notes every answer that differs from what the desk showed. */
    synced: (scans: QueuedScan[], results: BatchResult[]) =>
      transaction(db, [TICKETS, QUEUE, NOTES], 'readwrite', async (tx) => {
        const byClient = new Map(results.map((r) => [r.clientId, r]));
        for (const scan of scans) {
          const r = byClient.get(scan.clientId);
          if (!r) continue;
          tx.objectStore(QUEUE).delete(scan.clientId);
          // A sign-in or sign-out at a point (attendance) leaves the ticket's check-in as it was.
          if ('point' in r) continue;
          const ticket = await findTicket(tx, { id: r.registration?.id ?? scan.ticketId });
          if (ticket)
            tx.objectStore(TICKETS).put({ ...ticket, checkedInAt: r.checkedInAt, deskId: r.deskId, pending: false });
          if (r.result !== 'checked_in') {
            const note: SyncNote = {
              clientId: scan.clientId,
              name: r.registration?.name ?? scan.name,
              result: r.result,
              scannedAt: scan.scannedAt,
              checkedInAt: r.checkedInAt,
              deskId: r.deskId,
            };
            tx.objectStore(NOTES).put(note);
          }
        }
      }),

    /** Merges one snapshot page; a ticket admitted here but not synced keeps its local check-in until the server has it. */
    merge: (tickets: SavedTicket[]) =>
      transaction(db, [TICKETS, QUEUE], 'readwrite', async (tx) => {
        const waiting = new Map((await done<QueuedScan[]>(tx.objectStore(QUEUE).getAll())).map((q) => [q.ticketId, q]));
        const store = tx.objectStore(TICKETS);
        for (const t of tickets) {
          const mine = waiting.get(t.id);
          store.put(
            mine && !t.checkedInAt
              ? { ...t, checkedInAt: mine.scannedAt, deskId: mine.deskId, pending: true }
              : { ...t, pending: false },
          );
        }
      }),

    all: () => transaction(db, [TICKETS], 'readonly', (tx) => done<SavedTicket[]>(tx.objectStore(TICKETS).getAll())),

    notes: () =>
      transaction(db, [NOTES], 'readonly', async (tx) =>
        (await done<SyncNote[]>(tx.objectStore(NOTES).getAll())).sort((a, b) => b.scannedAt.localeCompare(a.scannedAt)),
      ),
    clearNotes: () =>
      transaction(db, [NOTES], 'readwrite', (tx) => {
        tx.objectStore(NOTES).clear();
      }),
  };
}

/** Signing out leaves no names behind on the device, unless scans still wait to sync: those are kept for the next sign-in. */
export async function forgetEvent(slug: string, store: OfflineStore | null) {
  const waiting = store ? (await store.counts()).waiting : 0;
  store?.close();
  if (waiting === 0) await deleteDb(dbName(slug));
}
