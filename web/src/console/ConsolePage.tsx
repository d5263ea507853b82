// The organiser console at /console (my events, a new event) and /console/:slug/:tab (the event's sections).
import { useLocation, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, Show } from 'solid-js';
import { AgendaTab } from './AgendaTab';
import { ApprovalQueue } from './approvals/ApprovalQueue';
import { AuditTab } from './AuditTab';
import { CmeTab } from './CmeTab';
import { getMe, listEvents, type Staff } from './console-api';
import { DevicesTab } from './DevicesTab';
import { InvitationsTab } from './invitations/InvitationsTab';
import { FacultyTab } from './faculty/FacultyTab';
import { EventForm } from './EventForm';
import { EvaluationTab } from './evaluation/EvaluationTab';
import { MessagesTab } from './MessagesTab';
import { Overview } from './Overview';
import { PeopleTab } from './PeopleTab';
import { QuestionsTab } from './questions/QuestionsTab';
import { RegistrationsTab } from './RegistrationsTab';
import { EventConsole, type PanelProps } from './shell/EventConsole';
import { EventList } from './shell/EventList';
import { LoadFailed, NoAccess, UnknownEvent } from './shell/notices';
import { ct } from './text';
import { ConsoleFeedback, createLoad } from './ui';
import './console.css';

export default function ConsolePage() {
  const location = useLocation();
  const navigate = useNavigate();
  const me = createLoad(
    () => true,
    () => getMe(),
  );
  const [sessionEnded, setSessionEnded] = createSignal(false);

  createEffect(() => {
    if (me.current() === null) navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`, { replace: true });
  });
  createEffect(() => {
    document.title = `${ct('console.title')} · Colloquy`;
  });

  return (
    <ConsoleFeedback onUnauthorized={() => setSessionEnded(true)}>
      <div class="console">
        <div role="alert">
          <Show when={sessionEnded()}>
            <p class="notice error session-ended">
              {ct('err.sessionBanner')}{' '}
              <a href={`/sign-in?next=${encodeURIComponent(location.pathname)}`} target="_blank" rel="noopener">
                {ct('signInAgain')}
              </a>
            </p>
          </Show>
        </div>
        <Show when={me.error()}>{(error) => <LoadFailed error={error()} retry={() => void me.refetch()} />}</Show>
        <Show
          when={me.current()}
          fallback={
            <Show when={!me.error()}>
              <p class="loading" role="status">
                {ct('loading')}
              </p>
            </Show>
          }
        >
          {(staff) => (
            <Show when={staff().roles.some((r) => r.role === 'organiser')} fallback={<NoAccess staff={staff()} />}>
              <Console staff={staff()} refreshMe={me.refetch} />
            </Show>
          )}
        </Show>
      </div>
    </ConsoleFeedback>
  );
}

function Console(props: { staff: Staff; refreshMe: () => Promise<void> }) {
  const params = useParams<{ slug?: string; tab?: string }>();
  const events = createLoad(() => true, listEvents);

  return (
    <>
      <Show when={events.error()}>{(error) => <LoadFailed error={error()} retry={() => void events.refetch()} />}</Show>
      <Show
        when={events.current()}
        fallback={
          <Show when={!events.error()}>
            <p class="loading" role="status">
              {ct('loading')}
            </p>
          </Show>
        }
      >
        {(list) => (
          <Show
            when={params.slug}
            keyed
            fallback={
              <EventList
                staff={props.staff}
                events={list()}
                onCreated={async () => {
                  await props.refreshMe();
                  await events.refetch();
                }}
              />
            }
          >
            {(slug) => (
              <Show when={list().some((e) => e.slug === slug)} fallback={<UnknownEvent />}>
                <EventConsole
                  staff={props.staff}
                  slug={slug}
                  events={list()}
                  onChanged={events.refetch}
                  panel={(p) => <TabPanel {...p} />}
                />
              </Show>
            )}
          </Show>
        )}
      </Show>
    </>
  );
}

/** One section at a time; Show rather than Switch keeps the Solid runtime the public page shares unchanged. */
function TabPanel(props: PanelProps) {
  return (
    <>
      <Show when={props.tab === 'overview'}>
        <Overview event={props.event} />
      </Show>
      <Show when={props.tab === 'event'}>
        <EventForm event={props.event} onSaved={props.reload} />
      </Show>
      <Show when={props.tab === 'agenda'}>
        <AgendaTab event={props.event} reload={props.reload} />
      </Show>
      <Show when={props.tab === 'people'}>
        <PeopleTab event={props.event} reload={props.reload} />
      </Show>
      <Show when={props.tab === 'faculty'}>
        <FacultyTab event={props.event} />
      </Show>
      <Show when={props.tab === 'questions'}>
        <QuestionsTab event={props.event} reload={props.reload} />
      </Show>
      <Show when={props.tab === 'registrations'}>
        <RegistrationsTab event={props.event} />
      </Show>
      <Show when={props.tab === 'approvals'}>
        <ApprovalQueue event={props.event} />
      </Show>
      <Show when={props.tab === 'invitations'}>
        <InvitationsTab event={props.event} />
      </Show>
      <Show when={props.tab === 'messages'}>
        <MessagesTab event={props.event} />
      </Show>
      <Show when={props.tab === 'cme'}>
        <CmeTab event={props.event} />
      </Show>
      <Show when={props.tab === 'evaluation'}>
        <EvaluationTab event={props.event} />
      </Show>
      <Show when={props.tab === 'devices'}>
        <DevicesTab event={props.event} onConflicts={props.onConflicts} />
      </Show>
      <Show when={props.tab === 'audit'}>
        <AuditTab event={props.event} />
      </Show>
    </>
  );
}
