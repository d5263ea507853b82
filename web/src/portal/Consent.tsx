// Consent to recording and to publishing slides, answered once and changeable.
import { createSignal, Show } from 'solid-js';
import { locale } from '../i18n';
import { formatDateTime } from '../lib/time';
import { type Portal, saveConsent } from './portal-api';
import { createSave, SaveBar } from './save';
import { pt } from './text';

export function Consent(props: { token: string; data: Portal }) {
  const c = props.data.consent;
  const [recording, setRecording] = createSignal(c?.recording ?? false);
  const [slides, setSlides] = createSignal(c?.slides ?? false);
  const [at, setAt] = createSignal(c?.at ?? null);
  const save = createSave(() => props.data.event.timezone);
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const done = await save.run(() => saveConsent(props.token, { recording: recording(), slides: slides() }));
    if (done) setAt(done.at);
  }
  return (
    <section class="card portal-section" aria-labelledby="portal-consent">
      <h2 id="portal-consent">{pt('consent.title')}</h2>
      <Show when={at()}>
        {(when) => (
          <p class="muted">
            {pt('consent.given', { date: formatDateTime(when(), props.data.event.timezone, locale()) })}
          </p>
        )}
      </Show>
      <form noValidate onSubmit={submit}>
        <label class="portal-check">
          <input type="checkbox" checked={recording()} onChange={(e) => setRecording(e.currentTarget.checked)} />
          {pt('consent.recording')}
        </label>
        <label class="portal-check">
          <input type="checkbox" checked={slides()} onChange={(e) => setSlides(e.currentTarget.checked)} />
          {pt('consent.slides')}
        </label>
        <SaveBar save={save} />
      </form>
    </section>
  );
}
