// The agenda as a timeline: time, kind, room, title and the people on each item.
import { For, Show } from 'solid-js';
import type { PublicEvent } from '../api';
import { locale, pick } from '../i18n';
import { type PublicKey, t } from './text';
import { formatShortDate, formatTime, sameDay, zoneLabel } from '../lib/time';
import { Disclosures } from './Disclosures';
import { rt } from '../materials/reader-words';
import { TalkMaterials, usePublished } from './TalkMaterials';

export function Agenda(props: { event: PublicEvent }) {
  const tz = () => props.event.timezone;
  const published = usePublished(() => props.event.slug);
  return (
    <section aria-labelledby="agenda-title" class="agenda">
      <h2 id="agenda-title">{t('agenda')}</h2>
      <p class="hint">{t('timesIn', { zone: zoneLabel(props.event.timezone, locale()) })}</p>
      <ol class="timeline">
        <For each={props.event.sessions}>
          {(s) => (
            <li class={`item kind-${s.kind}`}>
              <div class="when">
                {/* On a day other than the event's first (a second day, or a date the organiser mistyped). */}
                <Show when={!sameDay(s.startsAt, props.event.startsAt, tz())}>
                  <span class="when-day">{formatShortDate(s.startsAt, tz(), locale())}</span>
                </Show>
                <time dateTime={s.startsAt}>{formatTime(s.startsAt, tz(), locale())}</time>
                <span aria-hidden="true">–</span>
                <span class="sr-only">{locale() === 'zh-CN' ? '至' : 'to'}</span>
                <time dateTime={s.endsAt}>{formatTime(s.endsAt, tz(), locale())}</time>
              </div>
              <div class="what">
                <span class={`badge kind-${s.kind}`}>{t(`kind.${s.kind}` as PublicKey)}</span>
                <Show when={pick(s.room)}>
                  <span class="room">{pick(s.room)}</span>
                </Show>
                <h3>{pick(s.title)}</h3>
                <Show when={pick(s.description)}>
                  <p class="desc">{pick(s.description)}</p>
                </Show>
                <Show when={s.people.length > 0}>
                  <ul class="people-inline">
                    <For each={s.people}>
                      {(p) => (
                        <li>
                          <span class="role">{t(`role.${p.role}` as PublicKey)}</span> {pick(p.name)}
                          {locale() === 'zh-CN' ? pick(p.honorific) : ''}
                        </li>
                      )}
                    </For>
                  </ul>
                  <Disclosures people={s.people} />
                </Show>
                <TalkMaterials items={published().filter((m) => m.sessionId === s.id)} />
              </div>
            </li>
          )}
        </For>
      </ol>
      <TalkMaterials items={published().filter((m) => !m.sessionId)} heading={rt('eventMaterials')} />
    </section>
  );
}
