// The console's small pieces around the sections: sign out, no access, an unknown event, and status pills.
import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { signOut, type Staff } from '../console-api';
import { type ConsoleKey, ct } from '../text';

export function SignOut() {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  async function out() {
    setBusy(true);
    try {
      await signOut();
    } catch {
      /* the cookie may already be gone; leave anyway */
    }
    navigate('/sign-in?next=/console', { replace: true });
  }
  return (
    <button type="button" class="secondary small" disabled={busy()} onClick={() => void out()}>
      {busy() ? ct('signingOut') : ct('signOut')}
    </button>
  );
}

export function NoAccess(props: { staff: Staff }) {
  return (
    <section class="card narrow" aria-labelledby="console-no-access">
      <h1 id="console-no-access">{ct('console.title')}</h1>
      <p>{ct('console.noAccess')}</p>
      <p class="muted">{ct('signedInAs', { who: props.staff.name || props.staff.email })}</p>
      <Show when={props.staff.roles.some((r) => r.role === 'desk')}>
        <p>
          <a href="/desk">{ct('console.toDesk')}</a>
        </p>
      </Show>
      <SignOut />
    </section>
  );
}

export function UnknownEvent() {
  return (
    <section class="card narrow" aria-labelledby="console-unknown">
      <h1 id="console-unknown">{ct('console.unknownTitle')}</h1>
      <p>{ct('console.unknown')}</p>
      <p>
        <a href="/console">{ct('console.allEvents')}</a>
      </p>
    </section>
  );
}

/** A failed load, with a button to try again. */
export function LoadFailed(props: { error: string; retry: () => void }) {
  return (
    <section class="card narrow" role="alert">
      <p>{props.error}</p>
      <button type="button" onClick={() => props.retry()}>
        {ct('retry')}
      </button>
    </section>
  );
}

export function StatusPill(props: { status: string }) {
  return <span class={`pill status-${props.status}`}>{ct(`status.${props.status}` as ConsoleKey)}</span>;
}

/** Beside the status: an event that is over takes no registrations whatever its status says. */
export function EndedPill(props: { ended: boolean }) {
  return (
    <Show when={props.ended}>
      {' '}
      <span class="pill status-ended">{ct('event.ended')}</span>
    </Show>
  );
}
