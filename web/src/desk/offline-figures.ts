// What the sync status line shows, read from this device's store: scans waiting, tickets saved, last sync, notes.
import { batch, createSignal } from 'solid-js';
import type { OfflineStore, SyncNote } from './offline-store';

export function createStoredFigures() {
  const [waiting, setWaiting] = createSignal(0);
  const [saved, setSaved] = createSignal(0);
  const [lastSyncedAt, setLastSyncedAt] = createSignal<string | null>(null);
  const [notes, setNotes] = createSignal<SyncNote[]>([]);

  async function refresh(store: OfflineStore | null) {
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

  return {
    waiting,
    saved,
    lastSyncedAt,
    notes,
    refresh,
    /** A scan was let in on this device and waits to be synced. */
    queued: () => setWaiting((n) => n + 1),
  };
}
