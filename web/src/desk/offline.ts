// The offline desk: answers scans from the ticket list saved on this device when the server cannot be reached, queues
// whom it let in, and keeps that list and the queue in step with the server every few seconds while online.
import { createSignal, onCleanup } from 'solid-js';
import type { Outcome, Scan } from './checkin';
import type { Attendee } from './desk-api';
import { checkScan, type ScanOutcome } from './offline-scan';
import { searchTickets } from './offline-search';
import { createStoredFigures } from './offline-figures';
import { forgetEvent, type OfflineStore, openStore } from './offline-store';
import { syncRound } from './offline-sync';

export type { ScanOutcome } from './offline-scan';

const SYNC_MS = 3000;

export type OfflineDesk = ReturnType<typeof createOfflineDesk>;

export function createOfflineDesk(slug: string, hooks: { onUnauthorized: () => void }) {
  const [browserOnline, setBrowserOnline] = createSignal(navigator.onLine);
  const [reachable, setReachable] = createSignal(true);
  const [syncing, setSyncing] = createSignal(false);
  let store: OfflineStore | null = null;
  let disposed = false;

  const figures = createStoredFigures();
  const refresh = () => figures.refresh(store);

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

  async function runSync() {
    const s = await opened;
    setBrowserOnline(navigator.onLine);
    if (!s || !navigator.onLine || disposed) return;
    setSyncing(true);
    try {
      await syncRound(slug, s, reached);
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

  function check(scan: Scan): Promise<ScanOutcome> {
    return opened.then((s) =>
      checkScan(scan, s, {
        reachable,
        reached,
        fallingBack: (timedOut) => {
          if (timedOut) setReachable(false);
          setBrowserOnline(navigator.onLine);
        },
        queued: figures.queued,
      }),
    );
  }

  async function searchSaved(q: string): Promise<Attendee[] | null> {
    const s = await opened;
    return s ? searchTickets(await s.all(), q) : null;
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
    waiting: figures.waiting,
    saved: figures.saved,
    lastSyncedAt: figures.lastSyncedAt,
    notes: figures.notes,
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
