// The board's settings: whether profile changes wait for approval, and the days the cron reminds people.
import { createSignal, For, Show } from 'solid-js';
import { useFailure, useToast } from '../ui';
import { type Board, saveSettings } from './faculty-api';
import { ft } from './text';

export function FacultySettings(props: { slug: string; settings: Board['settings']; onSaved: () => void }) {
  const [approve, setApprove] = createSignal(props.settings.approveChanges);
  const [days, setDays] = createSignal<string[]>(props.settings.reminderDays);
  const [day, setDay] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const fail = useFailure();
  const toast = useToast();
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await saveSettings(props.slug, { approveChanges: approve(), reminderDays: days() });
      toast(ft('settingsSaved'));
      props.onSaved();
    } catch (err) {
      setError(fail(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <details class="faculty-settings">
      <summary>{ft('settings')}</summary>
      <form noValidate onSubmit={submit}>
        <label class="check">
          <input type="checkbox" checked={approve()} onChange={(e) => setApprove(e.currentTarget.checked)} />{' '}
          {ft('approve')}
        </label>
        <fieldset>
          <legend>{ft('reminderDays')}</legend>
          <p class="hint">{ft('reminderHint')}</p>
          <Show when={days().length} fallback={<p class="muted">{ft('noDays')}</p>}>
            <ul class="faculty-days">
              <For each={days()}>
                {(d) => (
                  <li>
                    <time dateTime={d}>{d}</time>{' '}
                    <button
                      type="button"
                      class="secondary small"
                      aria-label={ft('removeDay', { day: d })}
                      onClick={() => setDays((list) => list.filter((x) => x !== d))}
                    >
                      ×
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <div class="faculty-add-day">
            <input
              type="date"
              aria-label={ft('reminderDays')}
              value={day()}
              onInput={(e) => setDay(e.currentTarget.value)}
            />
            <button
              type="button"
              class="secondary"
              disabled={!day()}
              onClick={() => {
                setDays((list) => [...new Set([...list, day()])].sort());
                setDay('');
              }}
            >
              {ft('addDay')}
            </button>
          </div>
        </fieldset>
        <div role="alert">
          <Show when={error()}>{(m) => <p class="notice error">{m()}</p>}</Show>
        </div>
        <button type="submit" disabled={busy()}>
          {ft('saveSettings')}
        </button>
      </form>
    </details>
  );
}
