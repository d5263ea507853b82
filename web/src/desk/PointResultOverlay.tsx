// The full-screen answer to a sign-in or sign-out: green for in, blue for out, amber for a repeat, with the time inside so far.
import { Show } from 'solid-js';
import { locale } from '../i18n';
import { formatTime } from '../lib/time';
import type { PointResponse, PointResult, PointShown } from './point';
import { duration, type PointKey, pt } from './point-text';
import { DismissButton, deskLabel } from './ResultOverlay';
import { t } from './text';

export const POINT_TONES: Record<PointResult, 'in' | 'out' | 'warn' | 'info' | 'bad'> = {
  signed_in: 'in',
  signed_out: 'out',
  already_signed_in: 'warn',
  already_signed_out: 'warn',
  not_signed_in: 'warn',
  waitlisted: 'info',
  pending: 'info',
  rejected: 'bad',
  cancelled: 'bad',
  unknown_ticket: 'bad',
  wrong_event: 'bad',
};

export function PointResultOverlay(props: { result: PointShown | null; timezone: string; onDismiss: () => void }) {
  const heading = (r: PointResponse): PointKey =>
    r.result === 'signed_in' && r.again ? 'point.result.signed_in_again' : `point.result.${r.result}`;
  const when = (r: PointResponse) => {
    if (!r.at || r.result === 'signed_in' || r.result === 'signed_out' || r.result === 'not_signed_in') return '';
    const time = formatTime(r.at, props.timezone, locale());
    return r.automatic ? pt('point.atAuto', { time }) : pt('point.at', { time, desk: deskLabel(r.deskId ?? '') });
  };
  // Offline, the time inside needs the other desks' scans: the server counts it once this one syncs.
  const known = (r: PointShown) => !!r.registration && POINT_TONES[r.result] !== 'bad' && !r.savedOffline;
  return (
    <div class="desk-result-live" role="alert" aria-atomic="true">
      <Show when={props.result}>
        {(r) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: a tap anywhere dismisses; keyboards use Escape, handled by the page
          <div
            class={`desk-result tone-${POINT_TONES[r().result]}`}
            data-result={r().result}
            onClick={() => props.onDismiss()}
          >
            <div class="desk-result-inner">
              <p class="desk-result-heading">{pt(heading(r()))}</p>
              <Show when={r().registration}>
                {(reg) => (
                  <>
                    <p class="desk-result-name">{reg().name}</p>
                    <Show when={reg().affiliation}>
                      <p class="desk-result-affiliation">{reg().affiliation}</p>
                    </Show>
                  </>
                )}
              </Show>
              <Show when={when(r())}>
                <p class="desk-result-detail">{when(r())}</p>
              </Show>
              <Show when={r().intervalMinutes !== null}>
                <p class="desk-result-detail">{pt('point.interval', { time: duration(r().intervalMinutes!) })}</p>
              </Show>
              <Show when={known(r())}>
                <p class="desk-result-detail desk-result-inside">
                  {pt('point.inside', { time: duration(r().minutesInside) })}
                </p>
              </Show>
              <Show when={r().savedOffline}>
                <p class="desk-result-offline">{t('result.savedOffline')}</p>
              </Show>
              <Show when={r().flagged}>
                <p class="desk-result-role">{pt('point.flagged')}</p>
              </Show>
              <DismissButton onDismiss={props.onDismiss} />
            </div>
          </div>
        )}
      </Show>
    </div>
  );
}
