// Data for a console section through createResource, without the app shell's Suspense fallback on every refresh.
import { createResource, createSignal } from 'solid-js';
import { errorText } from './feedback';

/**
 * Loads `load(source())` as a resource. A failed first load leaves `current()` undefined with `error()` in words;
 * a failed refresh keeps the last good value on screen with the error beside it. `current()` never suspends: the shell's
 * Suspense would otherwise blank the whole console while a section refreshes.
 */
export function createLoad<S, T>(
  source: () => S | false | null | undefined,
  load: (source: S) => Promise<T>,
  words: (e: unknown) => string = errorText,
) {
  const [error, setError] = createSignal<string | null>(null);
  const [data, { refetch, mutate }] = createResource<T | undefined, S>(source, async (s, { value, refetching }) => {
    // With nothing on screen, a retry shows the loading line again rather than the last failure.
    if (value === undefined) setError(null);
    try {
      const next = await load(s);
      setError(null);
      return next;
    } catch (e) {
      setError(words(e));
      return refetching ? value : undefined;
    }
  });
  const current = (): T | undefined =>
    data.state === 'ready' || data.state === 'refreshing' ? data.latest : undefined;
  return {
    current,
    error,
    loading: () => data.loading,
    /** Resolves once the new value (or the error) is in place; never rejects. */
    refetch: async () => {
      await refetch();
    },
    mutate,
  };
}
