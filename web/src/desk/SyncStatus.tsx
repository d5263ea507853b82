// The desk's always-visible sync line: online or offline, how many scans wait to sync, when it last synced, and any sync notes.
import { For, Show } from 'solid-js';
import { locale } from '../i18n';
import { formatTime } from '../lib/time';
import type { OfflineDesk } from './offline';
import type { SyncNote } from './offline-store';
import { deskLabel, HEADINGS } from './ResultOverlay';
import { t } from './text';

/** Seconds matter here: "last synced" that does not move for a minute looks stuck. */
const clock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale(), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

export function SyncStatus(props: { desk: OfflineDesk; timezone: string }) {
  const d = props.desk;
  const waitingText = () =>
    d.waiting() === 0
      ? t('sync.allSynced')
      : d.waiting() === 1
        ? t('sync.waitingOne')
        : t('sync.waiting', { n: d.waiting() });
  const time = (iso: string) => formatTime(iso, props.timezone, locale());

  const noteText = (n: SyncNote) => {
    if (n.result === 'already_checked_in' && n.checkedInAt) {
      const params = {
        name: n.name,
        time: time(n.scannedAt),
        first: time(n.checkedInAt),
        desk: n.deskId ? deskLabel(n.deskId) : '',
      };
      return n.deskId ? t('sync.noteAlready', params) : t('sync.noteAlreadyNoDesk', params);
    }
    return t('sync.noteOther', { name: n.name, time: time(n.scannedAt), result: t(HEADINGS[n.result]) });
  };

  return (
    <section
      class={`desk-sync ${d.online() ? 'is-online' : 'is-offline'}`}
      aria-label={t('sync.title')}
      data-online={d.online() ? 'true' : 'false'}
    >
      <div class="desk-sync-bar">
        {/* The time changes every few seconds: outside the live part, so screen readers announce only state and count. */}
        <p class="desk-sync-line" role="status">
          <span class="desk-sync-state">
            <span class="desk-sync-dot" aria-hidden="true" />
            {d.online() ? t('sync.online') : t('sync.offline')}
          </span>
          <span class="desk-sync-waiting" data-waiting={d.waiting()}>
            {waitingText()}
          </span>
        </p>
        <p class="desk-sync-last" data-testid="last-synced">
          {d.lastSyncedAt()
            ? t('sync.lastSynced', { time: clock(d.lastSyncedAt()!, props.timezone) })
            : t('sync.never')}
        </p>
        <Show when={d.waiting() > 0 && d.online()}>
          <button type="button" class="secondary desk-sync-now" disabled={d.syncing()} onClick={() => void d.syncNow()}>
            {t('sync.now')}
          </button>
        </Show>
      </div>
      <Show when={!d.online()}>
        <p class="desk-sync-hint">
          {t('sync.offlineHint')}{' '}
          <Show when={d.saved() > 0}>
            <span class="muted">{t('sync.saved', { n: d.saved() })}</span>
          </Show>
        </p>
      </Show>
      <Show when={d.notes().length > 0}>
        <div class="desk-sync-notes">
          <h2>{t('sync.notesTitle')}</h2>
          <ul>
            <For each={d.notes()}>{(n) => <li>{noteText(n)}</li>}</For>
          </ul>
          <button type="button" class="secondary" onClick={() => void d.clearNotes()}>
            {t('sync.clearNotes')}
          </button>
        </div>
      </Show>
    </section>
  );
}
