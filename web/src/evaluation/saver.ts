// Saving answers one at a time as they are given: the newest value per answer wins, a failure keeps the value and
// offers a retry, and coming back online retries whatever did not get through.
import { createSignal, onCleanup } from 'solid-js';
import { ApiFailure } from '../api';
import { et } from './evaluation-text';

export type SaveStatus =
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'failed'; reason: string; retryable: boolean };

/** Whether a failure is worth retrying as it is: no answer came back, or the server had a passing problem. */
const retryable = (e: unknown) =>
  !(e instanceof ApiFailure) || e.code === 'network' || e.status >= 500 || e.status === 429;

export function createSaver<V>(send: (key: string, value: V) => Promise<unknown>) {
  const [statuses, setStatuses] = createSignal<Record<string, SaveStatus>>({});
  const set = (key: string, s: SaveStatus) => setStatuses((all) => ({ ...all, [key]: s }));
  // The value each answer should end up with on the server, until the server has it.
  const pending = new Map<string, V>();
  const inFlight = new Set<string>();

  async function flush(key: string) {
    if (inFlight.has(key)) return; // the running loop sends the newest value next
    inFlight.add(key);
    set(key, { state: 'saving' });
    try {
      while (pending.has(key)) {
        const value = pending.get(key) as V;
        try {
          await send(key, value);
        } catch (e) {
          set(key, {
            state: 'failed',
            reason: retryable(e) ? et('offline') : e instanceof ApiFailure ? e.message : String(e),
            retryable: retryable(e),
          });
          return;
        }
        if (pending.get(key) === value) pending.delete(key);
      }
      set(key, { state: 'saved' });
    } finally {
      inFlight.delete(key);
    }
  }

  const save = (key: string, value: V) => {
    pending.set(key, value);
    void flush(key);
  };
  const retry = (key: string) => void flush(key);
  const retryAll = () => {
    for (const key of pending.keys()) if (statuses()[key]?.state === 'failed') void flush(key);
  };
  window.addEventListener('online', retryAll);
  onCleanup(() => window.removeEventListener('online', retryAll));

  return { status: (key: string) => statuses()[key], save, retry, unsaved: () => pending.size };
}
export type Saver = ReturnType<typeof createSaver<unknown>>;
