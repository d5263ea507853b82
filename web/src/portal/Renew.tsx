// "Send me a new link": an email address in, always the same answer out (nobody learns who is on a programme).
import { createSignal, Show } from 'solid-js';
import { ApiFailure } from '../api';
import { renewLink } from './portal-api';
import { pt } from './text';

export function Renew(props: { heading: 'h1' | 'h2' }) {
  const [email, setEmail] = createSignal('');
  const [sent, setSent] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (busy()) return;
    setError(null);
    setBusy(true);
    try {
      await renewLink(email().trim());
      setSent(true);
    } catch (err) {
      setError(err instanceof ApiFailure && err.code === 'invalid' ? pt('renew.invalid') : pt('network'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card portal-section" aria-labelledby="portal-renew">
      {props.heading === 'h1' ? (
        <h1 id="portal-renew">{pt('badLink.title')}</h1>
      ) : (
        <h2 id="portal-renew">{pt('renew.section')}</h2>
      )}
      <p class="muted">{props.heading === 'h1' ? pt('badLink.body') : pt('renew.hint')}</p>
      <Show
        when={!sent()}
        fallback={
          <p class="notice ok" role="status">
            {pt('renew.sent')}
          </p>
        }
      >
        <form noValidate onSubmit={submit}>
          <div class="field">
            <label for="renew-email">{pt('renew.email')}</label>
            <input
              id="renew-email"
              type="email"
              autocomplete="email"
              inputMode="email"
              value={email()}
              aria-invalid={error() ? 'true' : undefined}
              aria-describedby="renew-error"
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
            <div id="renew-error" role="alert">
              <Show when={error()}>{(m) => <p class="field-error">{m()}</p>}</Show>
            </div>
          </div>
          <button type="submit" class={props.heading === 'h2' ? 'secondary' : ''} disabled={busy()}>
            {pt('renew.submit')}
          </button>
        </form>
      </Show>
    </section>
  );
}
