// Items outside the event's hours: said once above the agenda, with the hours that would hold them all, one click away.
import { createSignal, Show } from 'solid-js';
import { type ConsoleEvent, updateEvent } from '../console-api';
import { ct } from '../text';
import { useFailure, useToast } from '../ui';
import { hoursText } from './agenda-text';

export function ExtendHours(props: { event: ConsoleEvent; reload: () => Promise<void> }) {
  const toast = useToast();
  const fail = useFailure();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const outside = () => props.event.warnings.filter((w) => w.code === 'outside_event_hours').length;
  async function extend(to: { startsAt: string; endsAt: string }) {
    setBusy(true);
    setError(null);
    try {
      await updateEvent(props.event.slug, to);
      toast(ct('agenda.extended', { hours: hoursText(to, props.event.timezone) }));
      await props.reload();
    } catch (e) {
      setError(fail(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show when={props.event.extendTo}>
      {(to) => (
        <div class="notice warn extend-hours">
          <p>
            <span aria-hidden="true">⚠ </span>
            <span class="sr-only">{ct('warning')}: </span>
            {ct('agenda.outsideBanner', { n: outside(), hours: hoursText(props.event, props.event.timezone) })}
          </p>
          <button type="button" class="secondary" disabled={busy()} onClick={() => void extend(to())}>
            {busy() ? ct('agenda.extending') : ct('agenda.extend', { hours: hoursText(to(), props.event.timezone) })}
          </button>
          <div role="alert">
            <Show when={error()}>
              <p class="field-error">{error()}</p>
            </Show>
          </div>
        </div>
      )}
    </Show>
  );
}
