// Lists the console loads with createResource: a failure becomes text beside the last value, and some lists poll.
import { createEffect, createResource, on, onCleanup } from 'solid-js';
import { useFailure } from './ui';

export type Loaded<T> = { value: T | null; error: string | null };

/**
 * Loads with createResource whenever `source` changes, aborting the request it replaces, and never rejects: a failure
 * keeps the last value and says what went wrong. Read through `latest` only: the app's Suspense would otherwise blank
 * the page on every refetch.
 */
export function createLoaded<S, T>(source: () => S, load: (source: S, signal: AbortSignal) => Promise<T>) {
  const fail = useFailure();
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());
  const [res, { refetch }] = createResource<Loaded<T>, { s: S }>(
    () => ({ s: source() }),
    async ({ s }, { value: last }) => {
      controller?.abort();
      const mine = (controller = new AbortController());
      try {
        return { value: await load(s, mine.signal), error: null };
      } catch (e) {
        // An aborted request has been replaced: its answer is never shown, so it reports nothing.
        return { value: last?.value ?? null, error: mine.signal.aborted ? null : fail(e) };
      }
    },
    { initialValue: { value: null, error: null } },
  );
  return {
    value: () => res.latest.value,
    error: () => res.latest.error,
    loading: () => res.loading,
    refetch: () => void refetch(),
  };
}

/** As createLoaded, and fetched again every `ms` for as long as `again` says so of a fresh value; stops with the component. */
export function createPolled<S, T>(
  source: () => S,
  load: (source: S, signal: AbortSignal) => Promise<T>,
  again: (value: T) => boolean,
  ms: number,
) {
  const loaded = createLoaded(source, load);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  createEffect(
    on([loaded.value, loaded.error], ([value, error]) => {
      clearTimeout(timer);
      if (value !== null && !error && again(value)) timer = setTimeout(loaded.refetch, ms);
    }),
  );
  return {
    ...loaded,
    refetch: () => {
      clearTimeout(timer);
      loaded.refetch();
    },
  };
}
