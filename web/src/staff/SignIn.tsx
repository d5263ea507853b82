// Staff sign-in at /sign-in: an email address in, a one-time link out by email; ?next= is where the staff member was going.
import { useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, onMount, Show } from 'solid-js';
import { typedAscii } from '../../../worker/lib/normalize';
import { ApiFailure } from '../api';
import { locale } from '../i18n';
import { type SignInKey, t } from './signin-text';
import { getMe, hasDevMailbox, requestSignIn, type Staff } from './staff-api';
import { sameSitePath } from '../../../worker/auth/next-path';
import './signin.css';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Only a path on this site, so a crafted link cannot send a signed-in person elsewhere. */
function safeNext(next: string | string[] | undefined): string {
  return sameSitePath(Array.isArray(next) ? next[0] : next) ?? '/desk';
}

export default function SignIn() {
  const [params] = useSearchParams();
  const next = () => safeNext(params.next);
  createEffect(() => {
    document.title = `${t('signin.title')} · Colloquy`;
  });
  // Someone already signed in who lands here is offered the way on instead of a second link.
  const [me, setMe] = createSignal<Staff | null>(null);
  const [email, setEmail] = createSignal('');
  const [error, setError] = createSignal<SignInKey | null>(null);
  const [message, setMessage] = createSignal<SignInKey | null>(params.error ? 'signin.linkFailed' : null);
  const usedWhileIn = () => !!me() && message() === 'signin.linkFailed';
  const [busy, setBusy] = createSignal(false);
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const [recentlySent, setRecentlySent] = createSignal(false);
  const [devMailbox, setDevMailbox] = createSignal(false);
  let input!: HTMLInputElement;
  let sentHeading: HTMLHeadingElement | undefined;
  onMount(() => {
    input.focus();
    getMe({ lastKnownOffline: true }).then(setMe, () => {
      /* unknown is as good as signed out here */
    });
  });

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (busy()) return;
    setMessage(null);
    const value = typedAscii(email());
    if (!value) {
      setError('signin.emailRequired');
      input.focus();
      return;
    }
    if (!EMAIL.test(value)) {
      setError('signin.emailInvalid');
      input.focus();
      return;
    }
    setBusy(true);
    try {
      setRecentlySent(await requestSignIn(value, locale(), next()));
      setDevMailbox(await hasDevMailbox());
      setSentTo(value);
      queueMicrotask(() => sentHeading?.focus());
    } catch (err) {
      if (!(err instanceof ApiFailure)) setMessage('signin.network');
      else if (err.code === 'hourly_limit') setMessage('signin.hourlyLimit');
      else if (err.status === 429) setMessage('signin.rateLimited');
      else if (err.code === 'invalid') {
        setError('signin.emailInvalid');
        input.focus();
      } else setMessage('signin.failed');
    } finally {
      setBusy(false);
    }
  }

  function again() {
    setSentTo(null);
    queueMicrotask(() => input?.focus());
  }

  return (
    <section class="card narrow signin" aria-labelledby="signin-title">
      <Show
        when={!sentTo()}
        fallback={
          <div class="signin-sent">
            <h1 id="signin-title" tabindex="-1" ref={sentHeading}>
              {t('signin.sentTitle')}
            </h1>
            <p>{t('signin.sent', { email: sentTo()! })}</p>
            <Show when={recentlySent()}>
              <p class="notice info">{t('signin.recentlySent')}</p>
            </Show>
            <Show when={devMailbox()}>
              <p class="notice info">
                {t('signin.devMailbox')} <a href="/dev/mailbox">{t('signin.openMailbox')}</a>
              </p>
            </Show>
            <button type="button" class="secondary" onClick={again}>
              {t('signin.again')}
            </button>
          </div>
        }
      >
        <h1 id="signin-title">{t('signin.title')}</h1>
        <Show when={me()}>
          {(staff) => (
            <p class="notice ok">
              {/* An old link opened while signed in: one message that says both, not an error beside "signed in". */}
              {t(usedWhileIn() ? 'signin.linkFailedIn' : 'signin.already', { who: staff().name || staff().email })}{' '}
              <a href={next()}>{t('signin.continue')}</a>
            </p>
          )}
        </Show>
        <p class="muted">{t('signin.intro')}</p>
        <form noValidate onSubmit={submit}>
          <div class="field">
            <label for="signin-email">{t('signin.email')}</label>
            <input
              id="signin-email"
              name="email"
              type="email"
              autocomplete="email"
              inputMode="email"
              required
              aria-invalid={error() ? 'true' : undefined}
              aria-describedby={error() ? 'signin-email-error' : undefined}
              value={email()}
              ref={input}
              onInput={(e) => {
                setEmail(e.currentTarget.value);
                setError(null);
              }}
            />
            <Show when={error()}>
              <p class="field-error" id="signin-email-error">
                {t(error()!)}
              </p>
            </Show>
          </div>
          <div role="alert" class="form-message">
            <Show when={!usedWhileIn() && message()}>{(m) => <p class="notice error">{t(m())}</p>}</Show>
          </div>
          <button type="submit" disabled={busy()}>
            {busy() ? t('signin.sending') : t('signin.submit')}
          </button>
        </form>
      </Show>
    </section>
  );
}
