// Finds a registration by any part of a name or institution, a whole email or a phone's last 4 digits, for guests without their QR code, and checks them in; offline, in the saved list.
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { ApiFailure } from '../api';
import { locale } from '../i18n';
import { type DeskKey, t } from './text';
import { formatTime } from '../lib/time';
import { parseDeskQuery, SEARCH_LIMIT } from '../../../worker/checkin/search-rules';
import { type Attendee, searchAttendees } from './desk-api';

const DEBOUNCE_MS = 250;

export function SearchPanel(props: {
  slug: string;
  timezone: string;
  refresh: number;
  onCheckIn: (a: Attendee) => Promise<unknown>;
  /** Offline, the list saved on this device answers instead (null when there is none). */
  offline: boolean;
  searchSaved: (q: string) => Promise<Attendee[] | null>;
  onReachable: (ok: boolean) => void;
  onUnauthorized: () => void;
}) {
  const [query, setQuery] = createSignal('');
  const [results, setResults] = createSignal<Attendee[] | null>(null);
  const [searching, setSearching] = createSignal(false);
  const [searchedFor, setSearchedFor] = createSignal('');
  const [fromSaved, setFromSaved] = createSignal(false);
  const [limited, setLimited] = createSignal(false);
  const [busyId, setBusyId] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  async function run(q: string) {
    controller?.abort();
    // The server's own rule (1 CJK character or 2 letters), so the desk never sends a query it would refuse.
    if (!parseDeskQuery(q)) {
      setResults(null);
      setSearching(false);
      setLimited(false);
      return;
    }
    const mine = (controller = new AbortController());
    setSearching(true);
    const searchSaved = async () => {
      const found = await props.searchSaved(q);
      if (mine !== controller || !found) return;
      setResults(found);
      setSearchedFor(q);
      setFromSaved(true);
    };
    try {
      if (props.offline) {
        await searchSaved();
        return;
      }
      const found = await searchAttendees(props.slug, q, mine.signal);
      if (mine !== controller) return;
      setResults(found);
      setSearchedFor(q);
      setFromSaved(false);
      setLimited(false);
      props.onReachable(true);
    } catch (e) {
      if (mine.signal.aborted) return;
      if (e instanceof ApiFailure && e.status === 401) props.onUnauthorized();
      else if (e instanceof ApiFailure && e.status === 429) {
        setLimited(true);
        setResults(null);
      } else if (!(e instanceof ApiFailure)) {
        props.onReachable(false);
        await searchSaved().catch(() => {});
      }
    } finally {
      if (mine === controller) setSearching(false);
    }
  }

  function onInput(value: string) {
    setQuery(value);
    clearTimeout(timer);
    timer = setTimeout(() => void run(value.trim()), DEBOUNCE_MS);
  }
  // After any check-in the list may be stale ("Checked in 09:12"), so the current search runs again.
  createEffect(
    on(
      () => props.refresh,
      () => {
        if (parseDeskQuery(query())) void run(query().trim());
      },
      { defer: true },
    ),
  );
  onCleanup(() => {
    clearTimeout(timer);
    controller?.abort();
  });

  async function checkIn(a: Attendee) {
    if (busyId()) return;
    setBusyId(a.id);
    try {
      await props.onCheckIn(a);
    } finally {
      setBusyId(null);
    }
  }

  const status = () => {
    if (searching()) return t('search.searching');
    if (limited()) return t('search.rateLimited');
    const list = results();
    if (!list) return '';
    if (list.length === 0) return t('search.none', { q: searchedFor() });
    return t('search.count', { n: list.length });
  };

  return (
    <section class="desk-search card" aria-labelledby="desk-search-title">
      <h2 id="desk-search-title">{t('search.title')}</h2>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          clearTimeout(timer);
          void run(query().trim());
        }}
      >
        <div class="field">
          <label for="desk-search-q">{t('search.label')}</label>
          <input
            id="desk-search-q"
            name="q"
            type="search"
            autocomplete="off"
            spellcheck={false}
            enterkeyhint="search"
            aria-describedby="desk-search-hint"
            value={query()}
            onInput={(e) => onInput(e.currentTarget.value)}
          />
          <p class="hint field-hint" id="desk-search-hint">
            {t('search.hint')}
          </p>
        </div>
      </form>
      <p class="desk-search-status muted" role="status">
        {status()}
      </p>
      <Show when={fromSaved() && results()}>
        <p class="hint desk-search-offline">{t('search.offline')}</p>
      </Show>
      <Show when={results()?.length}>
        <ul class="desk-search-results" aria-label={t('search.title')}>
          <For each={results()!}>
            {(a) => (
              <li class={`desk-person status-${a.status}`}>
                <div class="desk-person-main">
                  <p class="desk-person-name">
                    <strong>{a.name}</strong>
                    <Show when={a.role !== 'attendee'}>
                      <span class={`badge role-${a.role}`}>{t(`role.${a.role}` as DeskKey)}</span>
                    </Show>
                    <Show when={a.status !== 'confirmed'}>
                      <span class={`badge status-${a.status}`}>{t(`search.status.${a.status}` as DeskKey)}</span>
                    </Show>
                  </p>
                  <Show when={a.affiliation}>
                    <p class="desk-person-affiliation">{a.affiliation}</p>
                  </Show>
                  <p class="desk-person-contact muted">{[a.email, a.phone].filter(Boolean).join(' · ')}</p>
                </div>
                <Show
                  when={a.checkedInAt}
                  fallback={
                    <button
                      type="button"
                      disabled={busyId() !== null}
                      aria-label={t('search.checkInWho', { name: a.name })}
                      onClick={() => void checkIn(a)}
                    >
                      {busyId() === a.id ? t('scan.checking') : t('search.checkIn')}
                    </button>
                  }
                >
                  {(at) => (
                    <p class="desk-person-in">
                      {t('search.checkedInAt', { time: formatTime(at(), props.timezone, locale()) })}
                    </p>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
        <Show when={results()!.length >= SEARCH_LIMIT}>
          <p class="hint">{t('search.max')}</p>
        </Show>
      </Show>
    </section>
  );
}
