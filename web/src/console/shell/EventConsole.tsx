// One event's console: its data loaded as a resource, the head, the section navigation, and the section on show.
import { useNavigate, useParams } from '@solidjs/router';
import { createEffect, For, type JSX, on, Show } from 'solid-js';
import { pick } from '../../i18n';
import { type ConsoleEvent, type ConsoleEventSummary, getConflicts, getEvent, type Staff } from '../console-api';
import { ct } from '../text';
import { createLoad } from '../ui';
import { EventHeader } from './EventHeader';
import { LoadFailed } from './notices';
import { TABS, type Tab } from './tabs';

/** What a section gets: the event, a reload that never throws, and a way to correct the devices count. */
export type PanelProps = {
  tab: Tab;
  event: ConsoleEvent;
  reload: () => Promise<void>;
  onConflicts: (n: number) => void;
};

/** Mounted once per event (keyed by slug), so another event starts from a clean load. */
export function EventConsole(props: {
  staff: Staff;
  slug: string;
  events: ConsoleEventSummary[];
  onChanged: () => Promise<void>;
  panel: (p: PanelProps) => JSX.Element;
}) {
  const params = useParams<{ slug?: string; tab?: string }>();
  const navigate = useNavigate();
  const event = createLoad(() => props.slug, getEvent);
  // Offline double admissions deserve a look even from another section, so the nav counts them; the count is a hint,
  // and the devices tab shows the errors.
  const conflicts = createLoad(
    () => props.slug,
    async (slug) => (await getConflicts(slug)).length,
  );
  const count = () => conflicts.current() ?? 0;
  const tab = (): Tab => (TABS.includes(params.tab as Tab) ? (params.tab as Tab) : 'overview');
  let heading: HTMLHeadingElement | undefined;

  /** After a save: never throws, so a failed refresh is not mistaken for a failed save (and the save retried). */
  const reload = async () => {
    await event.refetch();
    void props.onChanged().catch(() => {});
  };

  // Moving between sections moves the focus to the new section's heading, as a page change would.
  createEffect(on(tab, () => heading?.focus(), { defer: true }));
  createEffect(() => {
    const e = event.current();
    if (e) document.title = `${ct(`tab.${tab()}`)} · ${pick(e.title)} · Colloquy`;
  });
  createEffect(() => {
    if (params.tab && !TABS.includes(params.tab as Tab))
      navigate(`/console/${encodeURIComponent(props.slug)}/overview`, { replace: true });
  });

  return (
    <Show
      when={event.current()}
      fallback={
        <Show
          when={event.error()}
          fallback={
            <p class="loading" role="status">
              {ct('loading')}
            </p>
          }
        >
          {(error) => <LoadFailed error={error()} retry={() => void event.refetch()} />}
        </Show>
      }
    >
      {(e) => (
        <>
          <EventHeader staff={props.staff} event={e()} events={props.events} slug={props.slug} tab={tab()} />
          <div role="alert">
            <Show when={event.error()}>
              <p class="notice error">
                {ct('err.stale')} {event.error()}{' '}
                <button type="button" class="secondary small" onClick={() => void event.refetch()}>
                  {ct('retry')}
                </button>
              </p>
            </Show>
          </div>
          <div class="console-body">
            <nav class="console-nav" aria-label={ct('console.sections')}>
              <ul>
                <For each={TABS}>
                  {(t) => (
                    <li>
                      <a
                        href={`/console/${encodeURIComponent(props.slug)}/${t}`}
                        aria-current={tab() === t ? 'page' : undefined}
                      >
                        {ct(`tab.${t}`)}
                        <Show when={t === 'devices' && count() > 0}>
                          {' '}
                          <span class="nav-count" aria-hidden="true">
                            {count()}
                          </span>
                          <span class="sr-only">({ct('dev.navConflicts', { n: count() })})</span>
                        </Show>
                      </a>
                    </li>
                  )}
                </For>
              </ul>
            </nav>
            <section class="console-panel" aria-labelledby="console-panel-title">
              <h2 id="console-panel-title" tabindex="-1" ref={heading}>
                {ct(`tab.${tab()}`)}
              </h2>
              {props.panel({
                get tab() {
                  return tab();
                },
                get event() {
                  return e();
                },
                reload,
                onConflicts: (n) => conflicts.mutate(n),
              })}
            </section>
          </div>
        </>
      )}
    </Show>
  );
}
