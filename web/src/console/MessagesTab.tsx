// The messages tab: write from a bilingual template, preview each recipient's email, test-send, send after confirming the count, follow delivery.
import { createResource, createSignal, Show } from 'solid-js';
import { type ConsoleEvent, getTemplates, hasDevMailbox, listMessages } from './console-api';
import { Loading } from './messages/bits';
import { Compose } from './messages/Compose';
import { MessageDelivery } from './messages/Delivery';
import { audienceFields, blank, draftFor, isDirty } from './messages/draft';
import { History } from './messages/History';
import { createLoaded, createPolled } from './resource';
import { ct } from './text';
import { FormError, useToast } from './ui';

const POLL_MS = 2000;

export function MessagesTab(props: { event: ConsoleEvent }) {
  const slug = props.event.slug;
  const toast = useToast();
  const [draft, setDraft] = draftFor(slug);
  const templates = createLoaded(() => slug, getTemplates);
  const history = createPolled(
    () => slug,
    listMessages,
    (list) => list.some((m) => m.pending > 0),
    POLL_MS,
  );
  const [devMailbox] = createResource(hasDevMailbox, { initialValue: false });
  const [openId, setOpenId] = createSignal<string | null>(null);
  let detailHeading: HTMLHeadingElement | undefined;

  function openMessage(id: string | null, focus = false) {
    setOpenId(id);
    if (focus) queueMicrotask(() => detailHeading?.focus());
  }

  return (
    <div class="messages-tab">
      <p class="muted tab-intro">{ct('msg.intro')}</p>
      <Compose
        event={props.event}
        draft={draft}
        setDraft={setDraft}
        templates={templates.value()}
        templatesError={templates.error()}
        retryTemplates={templates.refetch}
        devMailbox={devMailbox.latest}
        onSent={(id) => {
          setDraft(blank());
          history.refetch();
          openMessage(id);
          return () => detailHeading?.focus();
        }}
      />
      <section class="msg-history" aria-labelledby="msg-history-title">
        <h3 id="msg-history-title">{ct('msg.history')}</h3>
        <FormError error={history.error()} />
        <Loading value={history.value()} error={history.error()}>
          {(list) => (
            <Show when={list().length} fallback={<p class="muted">{ct('msg.historyEmpty')}</p>}>
              <History
                list={list()}
                event={props.event}
                openId={openId()}
                onOpen={(id) => openMessage(openId() === id ? null : id, openId() !== id)}
              />
            </Show>
          )}
        </Loading>
        <Show when={openId()} keyed>
          {(id) => (
            <MessageDelivery
              slug={slug}
              id={id}
              event={props.event}
              devMailbox={devMailbox.latest}
              dirty={isDirty(draft)}
              headingRef={(el) => (detailHeading = el)}
              onProgress={history.refetch}
              onClose={() => {
                setOpenId(null);
                document.querySelector<HTMLElement>(`[data-message="${id}"]`)?.focus();
              }}
              onReuse={(m) => {
                setDraft({
                  subject: m.subject,
                  body: m.body,
                  ...audienceFields(m.audience, draft),
                  filled: { subject: m.subject, body: m.body },
                });
                toast(ct('msg.reused', { subject: m.subject }));
                return () => document.getElementById('msg-compose-title')?.focus();
              }}
            />
          )}
        </Show>
      </section>
    </div>
  );
}
