// Lists the messages tab loads with createResource: a failure becomes text beside the last list, and some poll.
import { createEffect, createResource, on, onCleanup } from 'solid-js';
import { useFailure } from '../ui';

export type Loaded<T> = { value: T | null; error: string | null };

/**
 * Loads with createResource and never rejects: a failure keeps the last value and says what went wrong. Read it
 * through `latest` only: the app's Suspense would otherwise blank the page on every refetch.
 */
export function createLoaded<T>(load: () => Promise<T>) {
  const fail = useFailure();
  const [res, { refetch }] = createResource<Loaded<T>>(
    async (_source, { value: last }) => {
      try {
        return { value: await load(), error: null };
      } catch (e) {
        return { value: last?.value ?? null, error: fail(e) };
      }
    },
    { initialValue: { value: null, error: null } },
  );
  return {
    value: () => res.latest.value,
    error: () => res.latest.error,
    refetch: () => void refetch(),
  };
}

/** As createLoaded, and fetched again every `ms` for as long as `again` says so of a fresh value; stops with the component. */
export function createPolled<T>(load: () => Promise<T>, again: (value: T, previous: T | null) => boolean, ms: number) {
  const loaded = createLoaded(load);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  createEffect(
    on([loaded.value, loaded.error], ([value, error], before) => {
      clearTimeout(timer);
      if (value !== null && !error && again(value, before?.[0] ?? null)) timer = setTimeout(loaded.refetch, ms);
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
