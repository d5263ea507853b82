// What an agenda item says: its times, kind, room, titles in both languages, people and the server's warnings about it.
import { For, Show } from 'solid-js';
import { locale, type MessageKey, pick, t } from '../../i18n';
import { formatShortDate, formatTime, sameDay } from '../../lib/time';
import type { ConsoleEvent, Session } from '../console-api';
import { ct } from '../text';
import { hoursText, type ItemWarning } from './agenda-text';

export function ItemSummary(props: {
  event: ConsoleEvent;
  session: Session;
  warnings: ItemWarning[];
  titleId: string;
}) {
  const s = () => props.session;
  const tz = () => props.event.timezone;
  const title = () => pick(s().title);
  const other = () => (locale() === 'zh-CN' ? s().title.en : s().title.zh);
  const personName = (pid: string) => {
    const p = props.event.people.find((x) => x.id === pid);
    return p ? pick(p.name) : pid;
  };
  const sessionTitle = (sid: string) => {
    const o = props.event.sessions.find((x) => x.id === sid);
    return o ? `${pick(o.title)} (${hoursText(o, tz())})` : sid;
  };
  const warningText = ({ warning: w, otherId }: ItemWarning) => {
    if (w.code === 'person_overlap')
      return ct('agenda.overlap', { name: personName(w.personId), other: sessionTitle(otherId!) });
    if (w.code === 'room_overlap')
      return ct('agenda.roomOverlap', { room: pick(w.room) || w.room.zh || w.room.en, other: sessionTitle(otherId!) });
    return ct('agenda.outsideHours', { hours: hoursText(props.event, tz()) });
  };
  return (
    <>
      <p class="agenda-when">
        {/* An item on another day than the event's first says which day: a typo in the date shows at a glance. */}
        <Show when={!sameDay(s().startsAt, props.event.startsAt, tz())}>
          <span class="agenda-day">{formatShortDate(s().startsAt, tz(), locale())}</span>
        </Show>
        <time dateTime={s().startsAt}>{formatTime(s().startsAt, tz(), locale())}</time>
        <span aria-hidden="true">–</span>
        <span class="sr-only">{ct('to')}</span>
        <time dateTime={s().endsAt}>{formatTime(s().endsAt, tz(), locale())}</time>
      </p>
      <div class="agenda-main">
        <p class="agenda-meta">
          <span class={`badge kind-${s().kind}`}>{t(`kind.${s().kind}` as MessageKey)}</span>
          <Show when={pick(s().room)}>
            <span class="room">{pick(s().room)}</span>
          </Show>
        </p>
        <h3 id={props.titleId}>{title()}</h3>
        <Show when={other() && other() !== title()}>
          <p class="muted other-lang" lang={locale() === 'zh-CN' ? 'en' : 'zh-CN'}>
            {other()}
          </p>
        </Show>
        <Show when={s().people.length}>
          <ul class="people-inline">
            <For each={s().people}>
              {(p) => (
                <li>
                  <span class="role">{t(`role.${p.role}` as MessageKey)}</span> {pick(p.name)}
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.warnings.length}>
          <ul class="overlap-warnings">
            <For each={props.warnings}>
              {(o) => (
                <li class="notice warn">
                  <span aria-hidden="true">⚠ </span>
                  <span class="sr-only">{ct('warning')}: </span>
                  {warningText(o)}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </>
  );
}
