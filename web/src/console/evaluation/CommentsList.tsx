// The comments, newest first, filtered by what they are about and by words in them; never with a name.
import { createSignal, For, Show } from 'solid-js';
import { locale, pick } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import { createDebounced, FormError, useFailure } from '../ui';
import { type Comments, getComments, type ResultTarget } from './evaluation-api';
import { vt } from './evaluation-text';
import { targetLabel } from './ResultsPanel';

export function CommentsList(props: { slug: string; timezone: string; targets: ResultTarget[] }) {
  const fail = useFailure();
  const [target, setTarget] = createSignal('');
  const [q, setQ] = createSignal('');
  const [list, setList] = createSignal<Comments['comments']>([]);
  const [next, setNext] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [loaded, setLoaded] = createSignal(false);
  let asked = 0;

  async function load(cursor = 0) {
    const mine = ++asked;
    try {
      const page = await getComments(props.slug, { target: target(), q: q(), cursor });
      if (mine !== asked) return; // a newer filter's answer wins
      setList(cursor ? [...list(), ...page.comments] : page.comments);
      setNext(page.next);
      setError(null);
      setLoaded(true);
    } catch (e) {
      if (mine === asked) setError(fail(e));
    }
  }
  void load();
  const search = createDebounced(() => void load(), 300);

  return (
    <section class="card eval-comments" aria-labelledby="eval-com-title">
      <h3 id="eval-com-title">{vt('com.title')}</h3>
      <div class="eval-filters">
        <label>
          {vt('com.filter')}{' '}
          <select
            value={target()}
            onChange={(e) => {
              setTarget(e.currentTarget.value);
              void load();
            }}
          >
            <option value="">{vt('com.all')}</option>
            <option value="event">{vt('com.event')}</option>
            <For each={props.targets}>{(t) => <option value={t.key}>{targetLabel(t)}</option>}</For>
          </select>
        </label>
        <label>
          {vt('com.search')}{' '}
          <input
            type="search"
            value={q()}
            onInput={(e) => {
              setQ(e.currentTarget.value);
              search();
            }}
          />
        </label>
      </div>
      <FormError error={error()} />
      <Show when={loaded()}>
        <Show when={list().length} fallback={<p class="muted">{vt('com.none')}</p>}>
          <ul class="eval-comment-list">
            <For each={list()}>
              {(c) => (
                <li>
                  <p class="eval-comment-about muted">
                    {c.target === 'event'
                      ? vt('com.event')
                      : pick({ zh: c.titleZh, en: c.titleEn }) +
                        (c.itemTitleZh ? ` · ${pick({ zh: c.itemTitleZh, en: c.itemTitleEn ?? '' })}` : '')}
                    {c.at ? ` · ${formatDateTime(c.at, props.timezone, locale())}` : ''}
                  </p>
                  <p class="eval-comment-text">{c.text}</p>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={next()}>
          {(n) => (
            <button type="button" class="secondary" onClick={() => void load(n())}>
              {vt('com.more')}
            </button>
          )}
        </Show>
      </Show>
    </section>
  );
}
