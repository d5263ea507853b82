// Saving one portal section: busy state, "saved at" or the reason it failed, field errors; typed input is never reset.
import { createSignal, Show } from 'solid-js';
import { ApiFailure } from '../api';
import { locale } from '../i18n';
import { formatTime } from '../lib/time';
import { pt } from './text';

export function createSave(timezone: () => string) {
  const [busy, setBusy] = createSignal(false);
  const [savedAt, setSavedAt] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});

  /** Runs the save; on failure the form keeps what was typed and says why, on success it says when. */
  async function run<T>(save: () => Promise<T>): Promise<T | undefined> {
    if (busy()) return;
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const out = await save();
      setSavedAt(formatTime(new Date().toISOString(), timezone(), locale()));
      return out;
    } catch (e) {
      setSavedAt(null);
      if (!(e instanceof ApiFailure) || e.code === 'network') setError(pt('network'));
      else if (e.code === 'invalid' && Object.keys(e.fields).length) {
        setFields(e.fields);
        setError(pt('fixFields'));
      } else setError(pt('failed', { message: e.message }));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, savedAt, error, fields, run, setSavedAt };
}
export type Save = ReturnType<typeof createSave>;

/** The section's save button and what became of the last save, announced to screen readers. */
export function SaveBar(props: { save: Save; label?: string; savedText?: string }) {
  return (
    <div class="portal-save">
      <button type="submit" disabled={props.save.busy()}>
        {props.save.busy() ? pt('saving') : (props.label ?? pt('save'))}
      </button>
      <p class="portal-save-status" role="status">
        <Show when={!props.save.error() && props.save.savedAt()}>
          {(time) => <span class="portal-ok">{props.savedText ?? pt('saved', { time: time() })}</span>}
        </Show>
      </p>
      <div role="alert">
        <Show when={props.save.error()}>{(e) => <p class="notice error">{e()}</p>}</Show>
      </div>
    </div>
  );
}

/** A field's server message under it, tied to the input by id. */
export function FieldError(props: { save: Save; name: string; id: string }) {
  return (
    <Show when={props.save.fields()[props.name]}>
      {(m) => (
        <p class="field-error" id={props.id}>
          {m()}
        </p>
      )}
    </Show>
  );
}
