// The desk's header: the event, which desk this is, the staff member's other events, and signing out.
import { For, Show } from 'solid-js';
import { locale, pick } from '../i18n';
import { formatShortDate } from '../lib/time';
import { saveDeskName } from './checkin';
import type { EventInfo } from './desk-api';
import type { Staff } from '../staff/staff-api';
import { deskLabel } from './ResultOverlay';
import { SignOutButton } from './SignOutButton';
import { t } from './text';

const DESKS = Array.from({ length: 8 }, (_, i) => `Desk ${i + 1}`);

export function DeskHeader(props: {
  staff: Staff;
  event: EventInfo;
  deskName: string;
  onDeskName: (name: string) => void;
  beforeSignOut: () => Promise<void>;
}) {
  const deskOptions = () => (DESKS.includes(props.deskName) ? DESKS : [...DESKS, props.deskName]);
  return (
    <header class="desk-head">
      <div>
        <h1>{t('desk.title')}</h1>
        <p class="desk-event">{pick(props.event.title)}</p>
      </div>
      <div class="desk-head-tools">
        <div class="desk-name">
          <label for="desk-name">{t('desk.name')}</label>
          <select
            id="desk-name"
            value={props.deskName}
            onChange={(e) => {
              props.onDeskName(e.currentTarget.value);
              saveDeskName(e.currentTarget.value);
            }}
          >
            <For each={deskOptions()}>{(d) => <option value={d}>{deskLabel(d)}</option>}</For>
          </select>
        </div>
        <Show when={props.staff.roles.length > 1}>
          <nav class="desk-events" aria-label={t('desk.chooseEvent')}>
            <For each={props.staff.roles}>
              {(r) => (
                <a
                  href={`/desk/${encodeURIComponent(r.eventSlug)}`}
                  aria-current={r.eventSlug === props.event.slug ? 'page' : undefined}
                >
                  {pick(r.title)}{' '}
                  <span class="desk-event-date">{formatShortDate(r.startsAt, r.timezone, locale())}</span>
                </a>
              )}
            </For>
          </nav>
        </Show>
        <p class="desk-who muted">{t('desk.signedInAs', { who: props.staff.name || props.staff.email })}</p>
        <SignOutButton beforeSignOut={props.beforeSignOut} />
      </div>
    </header>
  );
}
