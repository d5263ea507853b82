// The event page's registration column: the open form, or for an invitation-only event the invitee's own form (or why not).
import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { api, ApiFailure, type PublicEvent, read, type Success } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { t } from './text';
import { RegisterForm } from './RegisterForm';

const invitations = api.api.invitations[':token'];
type Invitation = Success<(typeof invitations)['$get']>['invitation'];

/** The invitation behind a link, or null when the link is not valid (unknown, or for another event). */
async function loadInvitation(token: string, slug: string): Promise<Invitation | null> {
  try {
    const { invitation } = await read(invitations.$get({ param: { token } }));
    return invitation.slug === slug ? invitation : null;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) return null;
    throw e;
  }
}

export function RegistrationEntry(props: { event: PublicEvent }) {
  const [search] = useSearchParams();
  const token = () => (typeof search.invite === 'string' ? search.invite : '');
  return (
    <Show when={props.event.registrationMode === 'invitation'} fallback={<RegisterForm event={props.event} />}>
      <Show when={token()} fallback={<InviteOnly />}>
        <Invited event={props.event} token={token()} />
      </Show>
    </Show>
  );
}

function InviteOnly(props: { detail?: 'reg.inviteOnlyDetail' | 'reg.inviteInvalid' }) {
  return (
    <section class="register card" id="register" aria-labelledby="register-title">
      <h2 id="register-title">{t('register')}</h2>
      <p class="notice info">
        <strong>{t('reg.inviteOnly')}</strong>
      </p>
      <p class="muted">{t(props.detail ?? 'reg.inviteOnlyDetail')}</p>
    </section>
  );
}

function Invited(props: { event: PublicEvent; token: string }) {
  const loaded = createAsync(() => loadInvitation(props.token, props.event.slug));
  const [declined, setDeclined] = createSignal(false);
  const state = () => (declined() ? 'declined' : loaded()?.state);

  async function decline() {
    await read(invitations.decline.$post({ param: { token: props.token } }));
    return () => setDeclined(true);
  }

  return (
    <Show when={loaded() !== undefined}>
      <Show when={loaded()} fallback={<InviteOnly detail="reg.inviteInvalid" />}>
        {(inv) => (
          <Switch>
            <Match when={state() === 'registered'}>
              <section class="register card" id="register">
                <h2>{t('register')}</h2>
                <p class="notice ok">{t('reg.inviteRegistered')}</p>
              </section>
            </Match>
            <Match when={true}>
              <section class="card invitation" aria-live="polite">
                <Show
                  when={state() !== 'declined'}
                  fallback={
                    <>
                      <p class="notice ok">{t('reg.declined')}</p>
                      <p class="muted">{t('reg.declinedAgain')}</p>
                    </>
                  }
                >
                  <p>
                    <strong>{t('reg.invitedGreeting', { name: inv().name })}</strong>
                  </p>
                  <p class="muted">{t('reg.invitedEmail', { email: inv().email })}</p>
                  <ConfirmDialog
                    t={t}
                    trigger="reg.decline"
                    title="reg.declineTitle"
                    body="reg.declineConfirm"
                    confirm="reg.declineYes"
                    busy="reg.declining"
                    keep="reg.declineKeep"
                    failed="reg.declineFailed"
                    onConfirm={decline}
                  />
                </Show>
              </section>
              <RegisterForm
                event={props.event}
                invitation={{ token: props.token, name: inv().name, email: inv().email }}
              />
            </Match>
          </Switch>
        )}
      </Show>
    </Show>
  );
}
