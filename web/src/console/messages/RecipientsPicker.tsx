// Chooses registrations one by one, by the same search as the registrations tab.
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { listRegistrations } from '../console-api';
import { createLoaded } from '../resource';
import { ct } from '../text';
import { createDebounced, Field, FormError } from '../ui';
import type { Picked } from './draft';

const PICK_PAGE = 8;

export function RecipientsPicker(props: {
  slug: string;
  picked: Picked[];
  error?: string;
  onChange: (list: Picked[]) => void;
}) {
  const [typed, setTyped] = createSignal('');
  const [query, setQuery] = createSignal('');
  const searchSoon = createDebounced((value: string) => setQuery(value.trim()), 300);
  const found = createLoaded(query, async (q, signal) => {
    if (!q) return null;
    const page = await listRegistrations(
      props.slug,
      { q, sort: 'name', page: '1', pageSize: String(PICK_PAGE) },
      signal,
    );
    return { q, list: page.registrations, total: page.total };
  });
  const results = found.value;
  const id = createUniqueId();
  let input: HTMLInputElement | undefined;

  const isPicked = (rid: string) => props.picked.some((p) => p.id === rid);
  // One copy goes to each address (the server sends it through the address's live registration), so a second row
  // of an address already chosen, such as a cancelled registration beside the new one, is covered too.
  const covered = (r: { id: string; email: string }) =>
    props.picked.some((p) => p.id === r.id || p.email.toLowerCase() === r.email.toLowerCase());
  return (
    <div class="msg-picker">
      <Field
        label={ct('msg.pick')}
        name="pick"
        type="search"
        value={typed()}
        hint={ct('msg.pickHint')}
        error={props.error}
        onInput={(value) => {
          setTyped(value);
          searchSoon(value);
        }}
        inputRef={(el) => (input = el as HTMLInputElement)}
      />
      <p class="muted small" role="status">
        <Show
          when={found.loading()}
          fallback={
            <Show when={results()}>
              {(r) => (
                <>
                  {r().total === 0
                    ? ct('msg.pickNone', { q: r().q })
                    : r().total > PICK_PAGE
                      ? ct('msg.pickMore', { n: PICK_PAGE })
                      : ''}
                </>
              )}
            </Show>
          }
        >
          {ct('msg.pickSearching')}
        </Show>
      </p>
      <FormError error={found.error()} />
      <Show when={results()?.list.length}>
        <ul class="msg-pick-list" aria-label={ct('msg.pickResults')}>
          <For each={results()!.list}>
            {(r) => (
              <li>
                <span>
                  <strong>{r.name}</strong> <span class="muted">{r.email}</span>{' '}
                  <span class={`pill status-${r.status}`}>{ct(`regStatus.${r.status as 'confirmed'}`)}</span>
                </span>
                <Show when={r.email} fallback={<span class="muted small">{ct('msg.pickNoEmail')}</span>}>
                  {/* aria-disabled rather than disabled: the focus stays on the button that was just pressed. */}
                  <button
                    type="button"
                    class="secondary small"
                    aria-disabled={covered(r) ? 'true' : undefined}
                    aria-label={covered(r) ? undefined : ct('msg.pickAddNamed', { name: r.name })}
                    onClick={() => {
                      if (!covered(r))
                        props.onChange([...props.picked, { id: r.id, name: r.name, email: r.email, status: r.status }]);
                    }}
                  >
                    {isPicked(r.id) ? ct('msg.pickAdded') : covered(r) ? ct('msg.pickSameAddress') : ct('msg.pickAdd')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="msg-chosen" role="group" aria-labelledby={`${id}-chosen`}>
        <p id={`${id}-chosen`} class="msg-chosen-title">
          {ct('msg.chosen', { n: props.picked.length })}
        </p>
        <Show when={props.picked.length} fallback={<p class="muted">{ct('msg.chosenNone')}</p>}>
          <ul class="msg-chips">
            <For each={props.picked}>
              {(p) => (
                <li>
                  <span>{p.name || p.email || p.id}</span>
                  {/* A chosen row that is not confirmed (cancelled, waitlisted…) says so before anything is sent. */}
                  <Show when={p.status !== 'confirmed'}>
                    <span class={`pill status-${p.status}`}>{ct(`regStatus.${p.status as 'confirmed'}`)}</span>
                  </Show>
                  <button
                    type="button"
                    class="icon secondary small"
                    aria-label={ct('msg.pickRemoveNamed', { name: p.name || p.email || p.id })}
                    onClick={() => {
                      props.onChange(props.picked.filter((x) => x.id !== p.id));
                      input?.focus();
                    }}
                  >
                    ×
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </div>
  );
}
