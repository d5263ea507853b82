// One event's desk: header, sync status, banners, and the scan, counts, search and walk-in panels around the result.
import { useLocation } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { savedDeskName } from './checkin';
import { createDeskActions } from './desk-actions';
import type { EventInfo } from './desk-api';
import type { Staff } from '../staff/staff-api';
import { DeskHeader } from './DeskHeader';
import { createOfflineDesk } from './offline';
import { ResultOverlay } from './ResultOverlay';
import { ScanPanel } from './ScanPanel';
import { SearchPanel } from './SearchPanel';
import { registerShell } from './service-worker';
import { StatsPanel } from './StatsPanel';
import { SyncStatus } from './SyncStatus';
import { t } from './text';
import { WalkInForm } from './WalkInForm';

export function Desk(props: { staff: Staff; event: EventInfo }) {
  const location = useLocation();
  const slug = () => props.event.slug;
  const [deskName, setDeskName] = createSignal(savedDeskName());
  const desk = createOfflineDesk(slug(), { onUnauthorized: () => a.endSession() });
  const a = createDeskActions(slug, deskName, desk);
  onMount(registerShell);

  const signInAgain = () => `/sign-in?next=${encodeURIComponent(location.pathname)}`;

  return (
    <div class="desk">
      <DeskHeader
        staff={props.staff}
        event={props.event}
        deskName={deskName()}
        onDeskName={setDeskName}
        beforeSignOut={desk.forget}
      />

      <SyncStatus desk={desk} timezone={props.event.timezone} />

      <div class="desk-banners" role="alert">
        <Show when={a.sessionEnded()}>
          <p class="notice error">
            {t('desk.sessionEnded')} <a href={signInAgain()}>{t('desk.signInAgain')}</a>
          </p>
        </Show>
        <Show when={a.offline()}>
          <p class="notice error desk-offline">{t('desk.offline')}</p>
        </Show>
        <Show when={a.notSaved()}>
          <p class="notice error desk-offline">{t('desk.notSaved')}</p>
        </Show>
        <Show when={a.problem()}>{(p) => <p class="notice error">{t(p())}</p>}</Show>
      </div>

      <div class="desk-grid">
        <div class="desk-col-scan">
          <ScanPanel
            onSubmit={a.checkInCode}
            onCameraCode={a.onCameraCode}
            inputRef={a.setScanInput}
            onCameraChange={a.setCameraOn}
          />
        </div>
        <div class="desk-col-side">
          <StatsPanel
            slug={slug()}
            timezone={props.event.timezone}
            refresh={a.refresh()}
            offline={!desk.online()}
            onReachable={desk.markReachable}
            onUnauthorized={a.endSession}
          />
          <SearchPanel
            slug={slug()}
            timezone={props.event.timezone}
            refresh={a.refresh()}
            onCheckIn={a.checkInAttendee}
            offline={!desk.online()}
            searchSaved={desk.searchSaved}
            onReachable={desk.markReachable}
            onUnauthorized={a.endSession}
          />
        </div>
        <div class="desk-col-walkin">
          <WalkInForm slug={slug()} offline={!desk.online()} register={a.registerWalkIn} />
        </div>
      </div>

      <ResultOverlay
        result={a.result()}
        slug={slug()}
        timezone={props.event.timezone}
        onDismiss={a.dismiss}
        action={{
          offline: !desk.online(),
          busy: a.admitting(),
          error: a.admitError(),
          run: (id) => void a.admit(id),
        }}
      />
    </div>
  );
}
