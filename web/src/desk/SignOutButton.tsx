// Signing out at the desk, after dropping what this device saved for the event.
import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { signOut } from '../staff/staff-api';
import { t } from './text';

export function SignOutButton(props: { beforeSignOut?: () => Promise<void> }) {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  async function out() {
    setBusy(true);
    try {
      await props.beforeSignOut?.();
    } catch {
      /* the saved list stays; signing out matters more */
    }
    try {
      await signOut();
    } catch {
      /* the cookie may already be gone; leave anyway */
    }
    navigate('/sign-in', { replace: true });
  }
  return (
    <button type="button" class="secondary" disabled={busy()} onClick={() => void out()}>
      {t('desk.signOut')}
    </button>
  );
}
