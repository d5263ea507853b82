// One round of offline sync with the server: queued scans up first, then the changes to the saved ticket list down.
import { api } from '../api';
import { attempt, deviceId, type Outcome } from './checkin';
import type { OfflineStore, QueuedScan } from './offline-store';
import { fromRow } from '../../../worker/checkin/snapshot-rows';

const SYNC_TIMEOUT_MS = 15_000;
/** The batch API's limit. */
const BATCH = 100;

/** Says whether the server answered, and notes whether it could be reached. */
export type Reached = <T>(outcome: Outcome<T>) => outcome is { kind: 'ok'; value: T };

const timeout = () => ({ init: { signal: AbortSignal.timeout(SYNC_TIMEOUT_MS) } });

async function push(slug: string, s: OfflineStore, reached: Reached): Promise<boolean> {
  for (;;) {
    const queued = await s.queued();
    if (!queued.length) return true;
    // The batch API takes one desk name per call; a desk renamed mid-morning has scans under both.
    const deskId = queued[0]!.deskId;
    const chunk = queued.filter((q) => q.deskId === deskId).slice(0, BATCH);
    const scans = chunk.map(
      ({ clientId, code, registrationId, scannedAt, localResult, sessionId, direction }: QueuedScan) => ({
        clientId,
        code,
        registrationId,
        scannedAt,
        localResult,
        // A sign-in or sign-out carries its point as a live one does ('' is the whole event: no sessionId).
        ...(direction ? { direction, ...(sessionId ? { sessionId } : {}) } : {}),
      }),
    );
    const outcome = await attempt(() =>
      api.api.events[':slug'].checkins.batch.$post(
        { param: { slug }, json: { deviceId: deviceId(), deskId, scans } },
        timeout(),
      ),
    );
    if (!reached(outcome)) return false;
    await s.synced(chunk, outcome.value.results);
  }
}

async function pull(slug: string, s: OfflineStore, reached: Reached): Promise<boolean> {
  const since = (await s.meta<number>('cursor')) ?? 0;
  let after = '';
  for (;;) {
    const outcome = await attempt(() =>
      api.api.events[':slug'].checkins.snapshot.$get(
        { param: { slug }, query: { since: String(since), after, v: '2' } },
        timeout(),
      ),
    );
    if (!reached(outcome)) return false;
    // The compact rows (v2); a Worker still on v1 answers with objects.
    await s.merge([...outcome.value.tickets, ...outcome.value.rows.map(fromRow)]);
    if (!outcome.value.next) {
      await s.setMeta('cursor', outcome.value.cursor);
      return true;
    }
    after = outcome.value.next;
  }
}

/** Pushes, then pulls, and notes the time once both went through; throws when IndexedDB fails mid-way. */
export async function syncRound(slug: string, s: OfflineStore, reached: Reached) {
  // Queued scans go first, so the snapshot pulled after them already has their check-ins.
  const run = async () => {
    if (!(await push(slug, s, reached)) || !(await pull(slug, s, reached))) return;
    await s.setMeta('lastSyncedAt', new Date().toISOString());
  };
  // Two tabs of one desk would send the same scans twice (harmless, but wasted): one syncs, the other reads the result.
  if (navigator.locks)
    await navigator.locks.request(`colloquy-sync:${slug}`, { ifAvailable: true }, async (lock) => {
      if (lock) await run();
    });
  else await run();
}
