// Device pairing at /pair#<token>: a phone that scanned the organiser's pairing QR signs in as a desk for that event, no email needed.
import { useNavigate } from '@solidjs/router';
import { createEffect, createSignal, Show } from 'solid-js';
import { api, ApiFailure, read } from '../api';
import { saveDeskName } from '../desk/checkin';
import { type PairKey, t } from './pair-text';

/** The token rides in the fragment (it never reaches a server log); the address bar loses it once it has been used. */
function tokenFromAddress(): string | null {
  const raw = location.hash.replace(/^#/, '').trim();
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const forgetToken = () => history.replaceState(history.state, '', location.pathname + location.search);

export default function PairPage() {
  const navigate = useNavigate();
  createEffect(() => {
    document.title = `${t('pair.title')} · Colloquy`;
  });
  const [token, setToken] = createSignal(tokenFromAddress());
  const [deviceName, setDeviceName] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<PairKey | null>(token() ? null : 'pair.noToken');
  const [paired, setPaired] = createSignal<string | null>(null);
  // No autofocus on the optional name: on a phone it would cover the page with the keyboard.
  let messageBox: HTMLDivElement | undefined;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const used = token();
    if (busy() || !used) return;
    setBusy(true);
    setMessage(null);
    try {
      const res = await api.api.auth.pair.$post({
        json: { token: used, deviceName: deviceName().trim() || undefined },
      });
      const { eventSlug, deviceName: name } = await read(res);
      forgetToken();
      setToken(null);
      // The device's name is the desk name its scans carry, so organisers can tell where each check-in happened.
      saveDeskName(name);
      setPaired(name);
      navigate(`/desk/${encodeURIComponent(eventSlug)}`, { replace: true });
    } catch (err) {
      if (!(err instanceof ApiFailure)) setMessage('pair.network');
      else if (err.status === 429) setMessage('pair.rateLimited');
      else {
        // Expired, used up, revoked or malformed: this token will never work, so it goes and a new QR is needed.
        forgetToken();
        setToken(null);
        setMessage(err.status === 410 ? 'pair.unavailable' : err.code === 'invalid' ? 'pair.invalid' : 'pair.failed');
      }
      queueMicrotask(() => messageBox?.focus());
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card narrow pair" aria-labelledby="pair-title">
      <h1 id="pair-title">{t('pair.title')}</h1>
      <p class="muted">{t('pair.intro')}</p>
      <div role="alert" class="form-message" tabindex="-1" ref={messageBox}>
        <Show when={message()}>{(m) => <p class="notice error">{t(m())}</p>}</Show>
        <Show when={paired()}>{(name) => <p class="notice ok">{t('pair.done', { name: name() })}</p>}</Show>
      </div>
      <Show when={token()}>
        <form noValidate onSubmit={submit}>
          <div class="field">
            <label for="pair-device">
              {t('pair.deviceName')} <span class="optional">({t('pair.optional')})</span>
            </label>
            <input
              id="pair-device"
              name="deviceName"
              type="text"
              autocomplete="off"
              maxLength={60}
              aria-describedby="pair-device-hint"
              value={deviceName()}
              onInput={(e) => setDeviceName(e.currentTarget.value)}
            />
            <p class="hint field-hint" id="pair-device-hint">
              {t('pair.deviceNameHint')}
            </p>
          </div>
          <button type="submit" disabled={busy()}>
            {busy() ? t('pair.pairing') : t('pair.submit')}
          </button>
        </form>
      </Show>
    </section>
  );
}
