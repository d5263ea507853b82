// Writing a message: template, recipients and text beside a live preview; a test to oneself, then a confirmed send.
import { createSignal, createUniqueId, Show } from 'solid-js';
import { ApiFailure } from '../../api';
import { locale } from '../../i18n';
import { formatTime } from '../../lib/time';
import {
  type ConsoleEvent,
  type MessagePreview,
  type MessageTemplates,
  sendMessage,
  testMessage,
} from '../console-api';
import { ct, inSentence } from '../text';
import { busyLabel, createSubmit, FormError, useFailure, useToast } from '../ui';
import { AudienceFields } from './AudienceFields';
import { MailboxLink } from './bits';
import { audienceOf, type Draft, fieldErrors, type SetDraft } from './draft';
import { EmailFields } from './EmailFields';
import { createPreview } from './preview';
import { PreviewPanel } from './PreviewPanel';
import { SendConfirm } from './SendConfirm';
import { TemplateFields } from './TemplateFields';

export function Compose(props: {
  event: ConsoleEvent;
  draft: Draft;
  setDraft: SetDraft;
  templates: MessageTemplates | null;
  templatesError: string | null;
  retryTemplates: () => void;
  devMailbox: boolean;
  onSent: (id: string) => () => void;
}) {
  const slug = props.event.slug;
  const toast = useToast();
  const fail = useFailure();
  const submit = createSubmit();
  const test = createSubmit();
  const d = props.draft;
  const preview = createPreview(slug, d);
  const [tested, setTested] = createSignal<{ name: string; email: string; at: string } | null>(null);
  const [confirming, setConfirming] = createSignal<MessagePreview | null>(null);
  const [sending, setSending] = createSignal(false);
  const [sendError, setSendError] = createSignal<string | null>(null);
  const previewId = createUniqueId();
  let form!: HTMLFormElement;
  // Where the focus goes once the confirmation has closed (after a send, the new message's progress).
  let afterClose: (() => void) | undefined;

  const set = <K extends keyof Draft>(k: K, value: Draft[K]) => {
    props.setDraft({ [k]: value } as Partial<Draft>);
    submit.clearField(k);
    preview.clearField(k);
  };
  // The server names the field it rejects: "body" for an unknown placeholder even when it is in the subject.
  const err = (k: string) =>
    preview.fields()[k] ?? submit.fieldErrors()[k] ?? (k === 'picked' ? preview.fields()['audience.ids'] : undefined);

  function check() {
    const e: Record<string, string> = {};
    if (d.audience === 'ids' && !d.picked.length) e.picked = ct('msg.needIds');
    if (!d.subject.trim()) e.subject = ct('msg.needSubject');
    if (!d.body.trim()) e.body = ct('msg.needBody');
    return e;
  }
  const written = () => ({ subject: d.subject.trim(), body: d.body.trim() });

  async function startSend() {
    let fresh: MessagePreview | null = null;
    const ok = await submit.run(form, check, async () => {
      try {
        fresh = await preview.load();
      } catch (e) {
        preview.setFields(fieldErrors(e));
        throw e;
      }
      if (!fresh?.count) throw new ApiFailure(409, 'no_recipients', 'No recipients.');
    });
    if (ok && fresh) {
      setSendError(null);
      setConfirming(fresh);
    }
  }

  async function send() {
    const audience = audienceOf(d);
    if (!audience || sending()) return;
    setSending(true);
    setSendError(null);
    try {
      const message = await sendMessage(slug, { audience, ...written(), locale: d.lang });
      // The count the organiser confirmed: the queue counts the audience again as it writes the emails.
      toast(ct('msg.sent', { subject: written().subject, n: confirming()?.count ?? 0 }));
      setSending(false);
      preview.clear();
      setTested(null);
      afterClose = props.onSent(message.id);
      setConfirming(null);
    } catch (e) {
      setSending(false);
      const fields = fieldErrors(e);
      if (Object.keys(fields).length) {
        // A field to fix: back to the form, with the field marked.
        setConfirming(null);
        preview.setFields(fields);
        queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      } else setSendError(fail(e));
    }
  }

  async function sendTest() {
    await test.run(form, check, async () => {
      const { sentTo } = await testMessage(slug, { ...preview.request()!, ...written() });
      const shown = preview.preview();
      const who = shown?.recipients.find((r) => r.id === (preview.recipientId() ?? shown?.preview?.recipientId));
      setTested({ name: who?.name ?? '', email: sentTo, at: new Date().toISOString() });
      toast(ct('msg.tested', { email: sentTo }));
    });
  }

  const count = preview.count;
  const sendLabel = () => (count() ? ct('msg.sendN', { n: count()! }) : ct('msg.send'));

  return (
    <section class="msg-compose" aria-labelledby="msg-compose-title">
      <h3 id="msg-compose-title" tabindex="-1">
        {ct('msg.compose')}
      </h3>
      <div class="msg-grid">
        <form
          ref={form}
          class="console-form card"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void startSend();
          }}
        >
          <TemplateFields
            draft={d}
            setDraft={props.setDraft}
            templates={props.templates}
            error={props.templatesError}
            retry={props.retryTemplates}
            onApplied={() => {
              submit.reset();
              preview.setFields({});
            }}
          />
          <AudienceFields slug={slug} draft={d} set={set} err={err} />
          <EmailFields draft={d} set={set} err={err} />
          <FormError error={submit.error() ?? test.error()} />
          <div class="form-actions">
            <button type="submit" disabled={submit.busy() || sending()}>
              {busyLabel(submit.busy(), sendLabel(), ct('msg.counting'))}
            </button>
            <button type="button" class="secondary" disabled={test.busy()} onClick={() => void sendTest()}>
              {busyLabel(test.busy(), ct('msg.test'), ct('msg.testing'))}
            </button>
          </div>
          <div role="status" class="msg-tested">
            <Show when={tested()}>
              {(x) => (
                <p class="notice ok">
                  {ct('msg.testedNote', {
                    name: inSentence(x().name || x().email),
                    email: x().email,
                    time: formatTime(x().at, props.event.timezone, locale()),
                  })}
                  <MailboxLink when={props.devMailbox} />
                </p>
              )}
            </Show>
          </div>
        </form>
        <PreviewPanel id={previewId} preview={preview} hasAudience={audienceOf(d) !== null} />
      </div>
      <SendConfirm
        count={confirming()?.count ?? null}
        draft={d}
        sending={sending()}
        error={sendError()}
        onKeep={() => setConfirming(null)}
        onSend={() => void send()}
        onClose={() => {
          setConfirming(null);
          const focus = afterClose;
          afterClose = undefined;
          return focus;
        }}
      />
    </section>
  );
}
