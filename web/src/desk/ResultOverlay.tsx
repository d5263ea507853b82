// The full-screen answer to a scan, colour-coded and announced, that the person at the desk reads at a glance.
import { DeskDetails } from './DeskDetails';
import { Show } from 'solid-js';
import { locale } from '../i18n';
import { type DeskKey, t } from './text';
import { formatTime } from '../lib/time';
import type { CheckinResponse, CheckinResult } from './checkin';

export type Tone = 'ok' | 'warn' | 'info' | 'bad';
export const TONES: Record<CheckinResult, Tone> = {
  checked_in: 'ok',
  already_checked_in: 'warn',
  waitlisted: 'info',
  pending: 'info',
  rejected: 'bad',
  cancelled: 'bad',
  unknown_ticket: 'bad',
  wrong_event: 'bad',
  no_seat: 'info',
};
export const HEADINGS: Record<CheckinResult, DeskKey> = {
  checked_in: 'result.welcome',
  already_checked_in: 'result.already',
  waitlisted: 'result.waitlisted',
  pending: 'result.pending',
  rejected: 'result.rejected',
  cancelled: 'result.cancelled',
  unknown_ticket: 'result.unknown',
  wrong_event: 'result.wrongEvent',
  no_seat: 'result.noSeat',
};
const HINTS: Partial<Record<CheckinResult, DeskKey>> = {
  waitlisted: 'result.waitlistedHint',
  // No action for these: approval is the organiser's decision, made in the console, not at the door.
  pending: 'result.pendingHint',
  rejected: 'result.rejectedHint',
  cancelled: 'result.cancelledHint',
  unknown_ticket: 'result.unknownHint',
  wrong_event: 'result.wrongEventHint',
};
/**
 * The one way forward from a cancelled or waitlisted ticket, so the desk never goes in a circle: the server
 * registers the person again or moves them off the waitlist, by the seat rules, and checks them in.
 */
export const ACTIONS: Partial<Record<CheckinResult, DeskKey>> = {
  cancelled: 'result.action.registerAgain',
  waitlisted: 'result.action.admitWaitlisted',
};

/** What the admit action did, in words: the result screen must say what happened. */
function admittedDetail(r: CheckinResponse): DeskKey | null {
  if (r.result === 'checked_in' && r.admitted === 'registered_again') return 'result.registeredAgain';
  if (r.result === 'checked_in' && r.admitted === 'promoted') return 'result.promoted';
  if (r.result === 'no_seat')
    return r.admitted === 'registered_again' ? 'result.noSeatRegisteredAgain' : 'result.noSeatWaitlisted';
  return null;
}

/** The state of the action for the result on screen: it needs the network, and may fail. */
export type AdmitAction = {
  offline: boolean;
  busy: boolean;
  error: DeskKey | null;
  run: (registrationId: string) => void;
};

/** Desks are stored as "Desk 2" so every desk reads the same id; each reader sees it in their language. */
export function deskLabel(deskId: string) {
  const m = /^Desk (\d+)$/.exec(deskId);
  return m ? t('desk.deskN', { n: m[1]! }) : deskId;
}

export function ResultOverlay(props: {
  result: CheckinResponse | null;
  slug: string;
  timezone: string;
  onDismiss: () => void;
  action?: AdmitAction;
}) {
  const detail = (r: CheckinResponse) => {
    const admitted = admittedDetail(r);
    if (admitted) return t(admitted, { name: r.registration?.name ?? '' });
    if (r.result === 'already_checked_in' && r.checkedInAt) {
      const time = formatTime(r.checkedInAt, props.timezone, locale());
      return r.deskId
        ? t('result.alreadyAt', { time, desk: deskLabel(r.deskId) })
        : t('result.alreadyAtNoDesk', { time });
    }
    const hint = HINTS[r.result];
    return hint ? t(hint) : '';
  };
  // The region stays in the page so that screen readers announce each new result put into it.
  return (
    <div class="desk-result-live" role="alert" aria-atomic="true">
      <Show when={props.result}>
        {(r) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: a tap anywhere dismisses; keyboards use Escape, handled by the page
          <div
            class={`desk-result tone-${TONES[r().result]}`}
            data-result={r().result}
            onClick={() => props.onDismiss()}
          >
            <div class="desk-result-inner">
              <p class="desk-result-heading">{t(HEADINGS[r().result])}</p>
              <Show when={r().registration}>
                {(reg) => (
                  <>
                    <Show when={reg().role !== 'attendee'}>
                      <p class={`role-band role-${reg().role}`}>
                        {t(`result.badge.${reg().role as 'speaker' | 'guest' | 'staff'}`)}
                      </p>
                    </Show>
                    <p class="desk-result-name">{reg().name}</p>
                    <Show when={reg().affiliation}>
                      <p class="desk-result-affiliation">{reg().affiliation}</p>
                    </Show>
                    <DeskDetails lines={reg().details} />
                    <Show when={reg().role === 'attendee'}>
                      <p class="desk-result-role">{t('role.attendee')}</p>
                    </Show>
                  </>
                )}
              </Show>
              <Show when={detail(r())}>
                <p class="desk-result-detail">{detail(r())}</p>
              </Show>
              <Show when={r().savedOffline}>
                <p class="desk-result-offline">{t('result.savedOffline')}</p>
              </Show>
              <Show when={props.action && ACTIONS[r().result] && r().registration?.id}>
                {(id) => (
                  // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: only keeps a tap on the (maybe disabled) button from dismissing the screen
                  <div class="desk-result-action" onClick={(e) => e.stopPropagation()}>
                    <button
                      type="button"
                      class="desk-result-admit"
                      disabled={props.action!.offline || props.action!.busy}
                      aria-describedby={props.action!.offline ? 'desk-admit-why' : undefined}
                      onClick={() => props.action!.run(id())}
                    >
                      {props.action!.busy ? t('result.action.working') : t(ACTIONS[r().result]!)}
                    </button>
                    <Show when={props.action!.offline}>
                      <p class="desk-result-offline" id="desk-admit-why">
                        {t('result.action.needsNetwork')}
                      </p>
                    </Show>
                    <Show when={!props.action!.offline && props.action!.error}>
                      {(e) => <p class="desk-result-error">{t(e())}</p>}
                    </Show>
                  </div>
                )}
              </Show>
              <Show when={r().walkIn && r().registration?.id}>
                {(id) => (
                  <a
                    class="button desk-result-print"
                    href={`/badges/${encodeURIComponent(props.slug)}?ids=${encodeURIComponent(id())}`}
                    target="_blank"
                    rel="noopener"
                    onClick={(e) => e.stopPropagation()}
                  >
                    {t('result.printBadge')}
                  </a>
                )}
              </Show>
              <DismissButton onDismiss={props.onDismiss} />
            </div>
          </div>
        )}
      </Show>
    </div>
  );
}

/** "Next guest" and its hint, shared by the check-in and the sign-in/sign-out result screens. */
export function DismissButton(props: { onDismiss: () => void }) {
  return (
    <>
      <button
        type="button"
        class="desk-result-next"
        onClick={(e) => {
          e.stopPropagation();
          props.onDismiss();
        }}
      >
        {t('result.dismiss')}
      </button>
      <p class="desk-result-hint">{t('result.dismissHint')}</p>
    </>
  );
}
