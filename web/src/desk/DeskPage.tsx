// The front desk at /desk and /desk/:slug: scan or find a guest, check them in (offline too), register walk-ins, watch arrivals.
import { useLocation, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createResource, ErrorBoundary, Show } from 'solid-js';
import { Desk } from './Desk';
import { type EventInfo, getEventInfo } from './desk-api';
import { getMe, type Staff } from '../staff/staff-api';
import { SignOutButton } from './SignOutButton';
import { type DeskKey, t } from './text';
import './desk.css';

export default function DeskPage() {
  const params = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [me, { refetch }] = createResource(() => getMe({ lastKnownOffline: true }));
  createEffect(() => {
    document.title = `${t('desk.title')} · Colloquy`;
  });

  createEffect(() => {
    if (me.state === 'ready' && me() === null)
      navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`, { replace: true });
  });
  const slug = () => params.slug ?? me()?.roles[0]?.eventSlug;
  const [event, { refetch: refetchEvent }] = createResource(() => (me() ? slug() : undefined), getEventInfo);

  return (
    <ErrorBoundary
      fallback={(_, reset) => (
        <Unreachable
          retry={() => {
            reset();
            void refetch();
          }}
        />
      )}
    >
      <Show when={me()}>
        {(staff) => (
          <Show when={slug()} fallback={<DeskMessage staff={staff()} text="desk.noEvents" />}>
            {(s) => (
              <Show
                when={staff().roles.some((r) => r.eventSlug === s())}
                fallback={<DeskMessage staff={staff()} text="desk.forbidden" />}
              >
                <Show
                  when={event.state === 'ready' ? (event() ?? draftEvent(s())) : undefined}
                  keyed
                  fallback={
                    <Show
                      when={event.error}
                      fallback={
                        <p class="loading" role="status">
                          {t('loading')}
                        </p>
                      }
                    >
                      <Unreachable retry={refetchEvent} />
                    </Show>
                  }
                >
                  {(ev) => <Desk staff={staff()} event={ev} />}
                </Show>
              </Show>
            )}
          </Show>
        )}
      </Show>
    </ErrorBoundary>
  );
}

function Unreachable(props: { retry: () => void }) {
  return (
    <section class="card narrow" role="alert">
      <p>{t('desk.offline')}</p>
      <button type="button" onClick={() => props.retry()}>
        {t('retry')}
      </button>
    </section>
  );
}

/** An event the public API does not show (a draft) still has a desk; its slug stands in for the title. */
const draftEvent = (slug: string): EventInfo => ({
  slug,
  title: { zh: slug, en: slug },
  timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
});

function DeskMessage(props: { staff: Staff; text: DeskKey }) {
  return (
    <section class="card narrow">
      <h1>{t('desk.title')}</h1>
      <p>{t(props.text)}</p>
      <p class="muted">{t('desk.signedInAs', { who: props.staff.name || props.staff.email })}</p>
      <SignOutButton />
    </section>
  );
}
