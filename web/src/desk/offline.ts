// The offline desk: answers scans from the ticket list saved on this device when the server cannot be reached, queues
// whom it let in, and keeps that list and the queue in step with the server every few seconds while online.
import { batch, createSignal, onCleanup } from 'solid-js';
import { api } from '../api';
import { attempt, type CheckinResponse, deviceId, type Outcome, type Role, type Scan, submitScan } from './checkin';
import type { Attendee } from './desk-api';
import {
  type BatchResult,
  forgetEvent,
  openStore,
  type OfflineStore,
  type QueuedScan,
  type SavedTicket,
  type SyncNote,
} from './offline-store';
import { foldCase, parseDeskQuery, SEARCH_LIMIT, searchRank } from '../../../worker/checkin/search-rules';
import { ticketHash } from './ticket-hash';

const SYNC_MS = 3000;
/** How long a scan waits for the server before the saved list answers: venue Wi-Fi often connects but carries nothing. */
const LIVE_TIMEOUT_MS = 3000;
const SYNC_TIMEOUT_MS = 15_000;
/** The batch API's limit. */
const BATCH = 100;

export type ScanOutcome = Outcome<CheckinResponse> | { kind: 'not_saved' };

type Snapshot = { tickets: SavedTicket[]; next: string | null; cursor: number };

export type OfflineDesk = ReturnType<typeof createOfflineDesk>;

export function createOfflineDesk(slug: string, hooks: { onUnauthorized: () => void }) {
  const [browserOnline, setBrowserOnline] = createSignal(navigator.onLine);
  const [reachable, setReachable] = createSignal(true);
  const [waiting, setWaiting] = createSignal(0);
  const [saved, setSaved] = createSignal(0);
  const [lastSyncedAt, setLastSyncedAt] = createSignal<string | null>(null);
  const [notes, setNotes] = createSignal<SyncNote[]>([]);
  const [syncing, setSyncing] = createSignal(false);
  let store: OfflineStore | null = null;
  let disposed = false;

  async function refresh() {
    if (!store) return;
    try {
      // Another tab of this desk may have synced (it held the lock); its time is this device's time too.
      const [counts, savedNotes, last] = await Promise.all([
        store.counts(),
        store.notes(),
        store.meta<string>('lastSyncedAt'),
      ]);
      // All at once: after a reload the status line never shows the saved scans with "not synced yet".
      batch(() => {
        setWaiting(counts.waiting);
        setSaved(counts.saved);
        setNotes(savedNotes);
        setLastSyncedAt(last ?? null);
      });
    } catch {
      /* the database went away (signed out in another tab): the figures stay as they were */
    }
  }

  // Without IndexedDB (blocked by the browser) the desk still works, online only.
  const opened: Promise<OfflineStore | null> = openStore(slug).then(
    async (s) => {
      if (disposed) {
        s.close();
        return null;
      }
      store = s;
      await refresh();
      return s;
    },
    () => null,
  );

  /** True when the server answered (whatever it said); false when it could not be reached or the session ended. */
  function reached<T>(outcome: Outcome<T>): outcome is { kind: 'ok'; value: T } {
    setReachable(outcome.kind !== 'offline');
    if (outcome.kind === 'unauthorized') hooks.onUnauthorized();
    return outcome.kind === 'ok';
  }

  const timeout = () => ({ init: { signal: AbortSignal.timeout(SYNC_TIMEOUT_MS) } });

  async function push(s: OfflineStore): Promise<boolean> {
    for (;;) {
      const queued = await s.queued();
      if (!queued.length) return true;
      // The batch API takes one desk name per call; a desk renamed mid-morning has scans under both.
      const deskId = queued[0]!.deskId;
      const chunk = queued.filter((q) => q.deskId === deskId).slice(0, BATCH);
      const scans = chunk.map(({ clientId, code, registrationId, scannedAt, localResult }: QueuedScan) => ({
        clientId,
        code,
        registrationId,
        scannedAt,
        localResult,
      }));
      const outcome = await attempt<{ results: BatchResult[] }>(() =>
        api.api.events[':slug'].checkins.batch.$post(
          { param: { slug }, json: { deviceId: deviceId(), deskId, scans } },
          timeout(),
        ),
      );
      if (!reached(outcome)) return false;
      await s.synced(chunk, outcome.value.results);
    }
  }

  async function pull(s: OfflineStore): Promise<boolean> {
    const since = (await s.meta<number>('cursor')) ?? 0;
    let after = '';
    for (;;) {
      const outcome = await attempt<Snapshot>(() =>
        api.api.events[':slug'].checkins.snapshot.$get(
          { param: { slug }, query: { since: String(since), after } },
          timeout(),
        ),
      );
      if (!reached(outcome)) return false;
      await s.merge(outcome.value.tickets);
      if (!outcome.value.next) {
        await s.setMeta('cursor', outcome.value.cursor);
        return true;
      }
      after = outcome.value.next;
    }
  }

  async function runSync() {
    const s = await opened;
    setBrowserOnline(navigator.onLine);
    if (!s || !navigator.onLine || disposed) return;
    // Queued scans go first, so the snapshot pulled after them already has their check-ins.
    const run = async () => {
      if (!(await push(s)) || !(await pull(s))) return;
      await s.setMeta('lastSyncedAt', new Date().toISOString());
    };
    setSyncing(true);
    try {
      // Two tabs of one desk would send the same scans twice (harmless, but wasted): one syncs, the other reads the result.
      if (navigator.locks)
        await navigator.locks.request(`colloquy-sync:${slug}`, { ifAvailable: true }, async (lock) => {
          if (lock) await run();
        });
      else await run();
    } catch {
      /* IndexedDB failed mid-way: the next round starts again from what was stored */
    } finally {
      setSyncing(false);
      await refresh();
    }
  }

  let running: Promise<void> | null = null;
  const syncNow = () =>
    (running ??= runSync().finally(() => {
      running = null;
    }));

  function answer(ticket: SavedTicket, result: CheckinResponse['result'], savedOffline: boolean): ScanOutcome {
    return {
      kind: 'ok',
      value: {
        result,
        registration: {
          id: ticket.id,
          name: ticket.name,
          affiliation: ticket.affiliation || null,
          role: ticket.role,
          details: ticket.details,
        },
        checkedInAt: result === 'checked_in' || result === 'already_checked_in' ? ticket.checkedInAt : null,
        deskId: ticket.deskId,
        savedOffline,
      },
    };
  }

  /** Online, the server decides as always; offline (or when it does not answer in time), the saved list decides at once. */
  async function check(scan: Scan): Promise<ScanOutcome> {
    const s = await opened;
    const by = scan.registrationId ? { id: scan.registrationId } : { hash: await ticketHash(scan.code ?? '') };
    try {
      // Someone let in here offline is not on the server yet: only this device knows they are already in.
      const mine = s ? await s.ticket(by) : undefined;
      if (mine?.pending) return answer(mine, 'already_checked_in', false);
    } catch {
      /* unreadable store: ask the server */
    }

    if (navigator.onLine && reachable()) {
      const live = await submitScan(scan, LIVE_TIMEOUT_MS);
      if (live.kind !== 'offline') {
        reached(live);
        const reg = live.kind === 'ok' ? live.value.registration : null;
        if (s && reg?.id)
          void s
            .remember(
              reg.id,
              live.kind === 'ok' ? live.value.checkedInAt : null,
              live.kind === 'ok' ? live.value.deskId : null,
            )
            .catch(() => {});
        return live;
      }
      setReachable(false);
    }
    setBrowserOnline(navigator.onLine);
    if (!s) return { kind: 'offline' };
    try {
      const local = await s.admit(by, {
        clientId: scan.clientId,
        code: scan.code,
        registrationId: scan.registrationId,
        scannedAt: scan.scannedAt,
        deskId: scan.deskId,
      });
      if (local.kind === 'not_saved') return local;
      if (local.queued) setWaiting((n) => n + 1);
      return answer(local.ticket, local.result, local.queued);
    } catch {
      return { kind: 'offline' };
    }
  }

  /**
   * The saved list has names and institutions only (no phone or email), so offline search looks at those two, with
   * the server's rules: any part of a name or institution from 1 CJK character or 2 letters, ranked the same way.
   */
  async function searchSaved(q: string): Promise<Attendee[] | null> {
    const s = await opened;
    if (!s) return null;
    const query = parseDeskQuery(q);
    if (query?.kind !== 'text') return [];
    const ranked: { t: SavedTicket; rank: number }[] = [];
    for (const t of await s.all()) {
      const rank = searchRank(t.name, t.affiliation, query.text);
      if (rank !== null) ranked.push({ t, rank });
    }
    // Ties in the server's order too: by the folded name, code unit by code unit.
    const byName = (a: SavedTicket, b: SavedTicket) =>
      foldCase(a.name) < foldCase(b.name) ? -1 : foldCase(a.name) > foldCase(b.name) ? 1 : 0;
    return ranked
      .sort((a, b) => a.rank - b.rank || byName(a.t, b.t))
      .slice(0, SEARCH_LIMIT)
      .map(({ t }) => ({
        id: t.id,
        name: t.name,
        affiliation: t.affiliation || null,
        role: t.role as Role,
        status: t.status,
        phone: null,
        email: null,
        checkedInAt: t.checkedInAt,
      }));
  }

  const onOnline = () => {
    setBrowserOnline(true);
    setReachable(true);
    void syncNow();
  };
  const onOffline = () => setBrowserOnline(false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  const timer = setInterval(() => void syncNow(), SYNC_MS);
  void syncNow();
  onCleanup(() => {
    disposed = true;
    clearInterval(timer);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    store?.close();
  });

  return {
    /** The browser has a network and the server answered the last request. */
    online: () => browserOnline() && reachable(),
    waiting,
    saved,
    lastSyncedAt,
    notes,
    syncing,
    syncNow,
    check,
    searchSaved,
    /** Other requests (counts, search, walk-ins) tell whether the server can be reached too. */
    markReachable: (ok: boolean) => {
      setReachable(ok);
      if (ok) setBrowserOnline(navigator.onLine);
    },
    clearNotes: async () => {
      await store?.clearNotes();
      await refresh();
    },
    /** On sign-out: drop the saved names unless scans still wait to sync. */
    forget: async () => {
      clearInterval(timer);
      const s = await opened;
      disposed = true;
      store = null;
      if (s) await forgetEvent(slug, s);
    },
  };
}
