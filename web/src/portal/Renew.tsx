// "Send me a new link": an email address in, always the same answer out (nobody learns who is on a programme).
import { createSignal, Show } from 'solid-js';
import { ApiFailure } from '../api';
import { areaTranslator } from '../i18n';
import { renewLink } from './portal-api';
import { pt } from './text';

/** The form's own strings ship with it (it loads on request), so the portal's first load stays within budget. */
const rt = areaTranslator(
  {
    'badLink.title': 'This link does not work any more',
    'badLink.body':
      'Links stop working when a newer one is sent. Enter the email address the organiser has for you and we will send you a new link.',
    'renew.email': 'Email address',
    'renew.submit': 'Send me a new link',
    'renew.sent': 'If this address is on a programme, a new link is on its way. Earlier links no longer work.',
    'renew.invalid': 'Enter a valid email address.',
  },
  {
    'badLink.title': '此链接已失效',
    'badLink.body': '发送新链接后，旧链接即失效。请输入主办方登记的邮箱，我们会给您发送新链接。',
    'renew.email': '邮箱',
    'renew.submit': '给我发送新链接',
    'renew.sent': '如果此邮箱在会议日程中，新链接已发出。之前的链接不再有效。',
    'renew.invalid': '请输入有效的邮箱地址。',
  },
);

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
      setError(err instanceof ApiFailure && err.code === 'invalid' ? rt('renew.invalid') : pt('network'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card portal-section" aria-labelledby="portal-renew">
      {props.heading === 'h1' ? (
        <h1 id="portal-renew">{rt('badLink.title')}</h1>
      ) : (
        <h2 id="portal-renew">{pt('renew.section')}</h2>
      )}
      <p class="muted">{props.heading === 'h1' ? rt('badLink.body') : pt('renew.hint')}</p>
      <Show
        when={!sent()}
        fallback={
          <p class="notice ok" role="status">
            {rt('renew.sent')}
          </p>
        }
      >
        <form noValidate onSubmit={submit}>
          <div class="field">
            <label for="renew-email">{rt('renew.email')}</label>
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
            {rt('renew.submit')}
          </button>
        </form>
      </Show>
    </section>
  );
}
