// The desk's choice of what it scans for (entrance, whole event or one agenda item; sign-in or sign-out) and the counters there.
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { locale, pick } from '../i18n';
import { formatTime } from '../lib/time';
import { type DeskItem, getPointDesk, parsePointValue, type Point, type PointCounts, pointValue } from './point';
import { pt } from './point-text';
import './point.css';

const POLL_MS = 10_000;

export function PointPicker(props: {
  slug: string;
  timezone: string;
  point: Point;
  onChoose: (p: Point) => void;
  refresh: number;
  offline: boolean;
}) {
  const [items, setItems] = createSignal<DeskItem[]>([]);
  const [counts, setCounts] = createSignal<PointCounts | null>(null);
  async function load() {
    const out = await getPointDesk(props.slug, props.point?.sessionId ?? '');
    if (out.kind !== 'ok') return;
    setItems(out.value.items);
    setCounts(out.value.counts);
  }
  createEffect(on([() => props.point?.sessionId, () => props.refresh], () => void load()));
  const timer = setInterval(() => {
    if (props.point && !props.offline) void load();
  }, POLL_MS);
  onCleanup(() => clearInterval(timer));

  // Each option says whether it is chosen: the items arrive after the first render, so a value on the select would be lost.
  const chosen = (v: string) => pointValue(props.point) === v;
  const itemLabel = (i: DeskItem) =>
    `${i.startsAt ? formatTime(i.startsAt, props.timezone, locale()) : ''} ${pick(i.title)}`.trim();
  const what = () => {
    const p = props.point;
    if (!p) return '';
    const item = items().find((i) => i.id === p.sessionId);
    return item ? pick(item.title) : pt('point.wholeEvent');
  };

  return (
    <section class="card desk-point" classList={{ [`is-${props.point?.direction ?? 'entrance'}`]: true }}>
      <label for="desk-point">{pt('point.label')}</label>
      <select id="desk-point" onChange={(e) => props.onChoose(parsePointValue(e.currentTarget.value))}>
        <option value="entrance" selected={!props.point}>
          {pt('point.entrance')}
        </option>
        <optgroup label={pt('point.event')}>
          <option value="in:" selected={chosen('in:')}>
            {pt('point.in', { what: pt('point.wholeEvent') })}
          </option>
          <option value="out:" selected={chosen('out:')}>
            {pt('point.out', { what: pt('point.wholeEvent') })}
          </option>
        </optgroup>
        <For each={items()}>
          {(i) => (
            <optgroup label={itemLabel(i)}>
              <option value={`in:${i.id}`} selected={chosen(`in:${i.id}`)}>
                {pt('point.in', { what: pick(i.title) })}
              </option>
              <option value={`out:${i.id}`} selected={chosen(`out:${i.id}`)}>
                {pt('point.out', { what: pick(i.title) })}
              </option>
            </optgroup>
          )}
        </For>
      </select>
      <Show when={props.point}>
        {(p) => (
          <>
            <p class="desk-point-banner" data-direction={p().direction}>
              {pt(p().direction === 'in' ? 'point.banner.in' : 'point.banner.out', { what: what() })}
            </p>
            <Show when={counts()}>
              {(n) => (
                <dl class="desk-point-counts" aria-label={pt('point.counts', { what: what() })}>
                  <div>
                    <dt>{pt('point.presentNow')}</dt>
                    <dd data-count="present">{n().presentNow}</dd>
                  </div>
                  <div>
                    <dt>{pt('point.signedIn')}</dt>
                    <dd data-count="in">{n().signedIn}</dd>
                  </div>
                  <div>
                    <dt>{pt('point.signedOut')}</dt>
                    <dd data-count="out">{n().signedOut}</dd>
                  </div>
                </dl>
              )}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
