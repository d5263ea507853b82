// The agenda tab: items in time order; add, edit, move, delete, assign people with roles; the server's warnings (double
// bookings of people and rooms, items outside the event's hours) beside the items, and a one-click extension of the hours.
import { createMemo, For, Show } from 'solid-js';
import { locale } from '../i18n';
import { zoneLabel } from '../lib/time';
import { AgendaItem } from './agenda/AgendaItem';
import { warningsBySession } from './agenda/agenda-text';
import { ExtendHours } from './agenda/ExtendHours';
import { SessionForm } from './agenda/SessionForm';
import type { ConsoleEvent, Session } from './console-api';
import { ct } from './text';
import { createFormToggle } from './ui';
import { offsetMinutes, offsetText } from './zoned';

export function AgendaTab(props: { event: ConsoleEvent; reload: () => Promise<void> }) {
  const adding = createFormToggle(props.reload);
  const warnings = createMemo(() => warningsBySession(props.event.warnings));
  const tz = () => props.event.timezone;
  let listHeading!: HTMLHeadingElement;

  return (
    <div class="agenda-tab">
      <div class="tab-tools">
        <p class="muted">
          {ct('agenda.timesIn', {
            zone: zoneLabel(tz(), locale()),
            offset: `UTC${offsetText(offsetMinutes(tz(), Date.parse(props.event.startsAt)))}`,
          })}
        </p>
        <button type="button" ref={adding.buttonRef} aria-expanded={adding.open()} onClick={adding.toggle}>
          {ct('agenda.add')}
        </button>
      </div>
      <ExtendHours event={props.event} reload={props.reload} />
      <Show when={adding.open()}>
        <section class="card" aria-labelledby="agenda-add-title">
          <h3 id="agenda-add-title">{ct('agenda.addTitle')}</h3>
          <SessionForm event={props.event} onCancel={adding.onCancel} onSaved={adding.onSaved} />
        </section>
      </Show>
      <h3 class="sr-only" tabindex="-1" ref={listHeading}>
        {ct('agenda.list')}
      </h3>
      <Show when={props.event.sessions.length} fallback={<p class="muted">{ct('agenda.empty')}</p>}>
        <ol class="agenda-admin">
          {/* Keyed by id, so a reload keeps each item (and any form open on it) in place. */}
          <For each={props.event.sessions.map((s) => s.id)}>
            {(sessionId, i) => {
              const find = () => props.event.sessions.find((s) => s.id === sessionId);
              // While a deleted item is on its way out, it keeps its last data.
              const session = createMemo<Session>((prev) => find() ?? prev, find()!);
              return (
                <AgendaItem
                  event={props.event}
                  session={session()}
                  index={i()}
                  warnings={warnings().get(sessionId) ?? []}
                  reload={props.reload}
                  afterDelete={() => listHeading.focus()}
                />
              );
            }}
          </For>
        </ol>
      </Show>
    </div>
  );
}
