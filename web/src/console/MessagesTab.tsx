// The messages tab: write from a bilingual template, preview each recipient's email, test-send, send after confirming the count, follow delivery.
import { createEffect, createMemo, createSignal, createUniqueId, For, on, onCleanup, onMount, Show } from 'solid-js';
import { ApiFailure } from '../api';
import { locale } from '../i18n';
import { formatDateTime, formatTime } from '../lib/time';
import {
  type Audience,
  type ConsoleEvent,
  type Delivery,
  getMessage,
  getTemplates,
  hasDevMailbox,
  listMessages,
  listRegistrations,
  type MessageDetail,
  type MessagePreview,
  type MessageSummary,
  type MessageTemplates,
  previewMessage,
  type Registration,
  sendMessage,
  testMessage,
} from './console-api';
import { ct, ctOr } from './text';
import {
  busyLabel,
  createDebounced,
  createSubmit,
  DataTable,
  Field,
  FormError,
  Modal,
  serverFieldErrors,
  useFailure,
  useToast,
} from './ui';

type AudienceType = 'people' | 'speakers' | 'guests' | 'attendees' | 'ids';
type Lang = 'zh-CN' | 'en';
type Picked = { id: string; name: string; email: string };
type Draft = {
  audience: AudienceType;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  checkedIn: '' | 'true' | 'false';
  picked: Picked[];
  lang: Lang;
  subject: string;
  body: string;
  template: string;
  templateLang: Lang;
  /** The text a template last filled in: writing over anything else asks first. */
  filled: { subject: string; body: string };
};

const AUDIENCES: AudienceType[] = ['people', 'speakers', 'guests', 'attendees', 'ids'];
const PLACEHOLDERS = ['name', 'title', 'institution', 'event', 'venue', 'ticket_url', 'sessions'] as const;
// The translator reads {x} as a parameter, so strings that mention placeholders get them as parameters.
const TOKENS = Object.fromEntries(PLACEHOLDERS.map((p) => [p, `{{${p}}}`]));
const LANGS: { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];
const PREVIEW_DELAY_MS = 400;
const POLL_MS = 2000;
const ROWS_SHOWN = 200;
const PICK_PAGE = 8;
// The API renders while it counts; before anything is written it is asked about this stand-in, so the number of
// recipients shows as soon as the audience is chosen.
const STAND_IN = '…';

const blank = (): Draft => ({
  audience: 'people',
  status: 'confirmed',
  checkedIn: '',
  picked: [],
  lang: locale(),
  subject: '',
  body: '',
  template: '',
  templateLang: locale(),
  filled: { subject: '', body: '' },
});

// A draft outlives the tab: moving to another section and back keeps what was written.
const drafts = new Map<string, Draft>();

/** Something the organiser wrote, that no template or earlier message filled in. */
const isDirty = (d: Draft) =>
  Boolean((d.subject.trim() || d.body.trim()) && (d.subject !== d.filled.subject || d.body !== d.filled.body));

const recipientsText = (n: number) => (n === 1 ? ct('msg.recipientsOne') : ct('msg.recipients', { n }));
const langName = (l: string) => LANGS.find((x) => x.value === l)?.label ?? l;

function audienceOf(d: Draft): Audience | null {
  if (d.audience === 'ids') return d.picked.length ? { type: 'ids', ids: d.picked.map((p) => p.id) } : null;
  if (d.audience === 'attendees')
    return { type: 'attendees', status: d.status, ...(d.checkedIn ? { checkedIn: d.checkedIn === 'true' } : {}) };
  return { type: d.audience };
}

function audienceText(d: Draft): string {
  const base = ct(`msg.audience.${d.audience}`);
  if (d.audience === 'attendees') {
    const parts = [base, ct(`regStatus.${d.status}`)];
    if (d.checkedIn) parts.push(ct(d.checkedIn === 'true' ? 'msg.checkedInYes' : 'msg.checkedInNo'));
    return parts.join(' · ');
  }
  return base;
}

/** The server's field errors, with an unknown placeholder named in the reader's language. */
function fieldErrors(e: unknown): Record<string, string> {
  const fields = serverFieldErrors(e);
  const list =
    e instanceof ApiFailure
      ? /Unknown placeholder ((?:\{\{\w+\}\}(?:, )?)+)/.exec(e.fields.body ?? '')?.[1]
      : undefined;
  return list ? { ...fields, body: ct('msg.unknownPlaceholder', { list }) } : fields;
}

/** Calls `load` now and every `ms` for as long as it answers true; stops with the component. */
function createPoll(load: () => Promise<boolean>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let alive = true;
  let run = 0;
  onCleanup(() => {
    alive = false;
    clearTimeout(timer);
  });
  return async function start() {
    clearTimeout(timer);
    const mine = ++run;
    const again = await load();
    if (alive && again && mine === run) timer = setTimeout(() => void start(), ms);
  };
}

export function MessagesTab(props: { event: ConsoleEvent }) {
  const slug = props.event.slug;
  const toast = useToast();
  const fail = useFailure();
  const [v, setDraft] = createSignal<Draft>(drafts.get(slug) ?? blank());
  const setV = <K extends keyof Draft>(k: K, value: Draft[K]) => setDraft((x) => ({ ...x, [k]: value }));
  createEffect(() => drafts.set(slug, v()));
  const [templates, setTemplates] = createSignal<MessageTemplates | null>(null);
  const [templatesError, setTemplatesError] = createSignal<string | null>(null);
  const [devMailbox, setDevMailbox] = createSignal(false);
  const [openId, setOpenId] = createSignal<string | null>(null);
  const [history, setHistory] = createSignal<MessageSummary[] | null>(null);
  const [historyError, setHistoryError] = createSignal<string | null>(null);
  let detailHeading: HTMLHeadingElement | undefined;

  async function loadTemplates() {
    try {
      setTemplates(await getTemplates(slug));
      setTemplatesError(null);
    } catch (e) {
      setTemplatesError(fail(e));
    }
  }

  const pollHistory = createPoll(async () => {
    try {
      const list = await listMessages(slug);
      setHistory(list);
      setHistoryError(null);
      return list.some((m) => m.pending > 0);
    } catch (e) {
      setHistoryError(fail(e));
      return false;
    }
  }, POLL_MS);

  onMount(() => {
    void loadTemplates();
    void pollHistory();
    void hasDevMailbox().then(setDevMailbox);
  });

  function openMessage(id: string | null, focus = false) {
    setOpenId(id);
    if (focus) queueMicrotask(() => detailHeading?.focus());
  }

  return (
    <div class="messages-tab">
      <p class="muted tab-intro">{ct('msg.intro')}</p>
      <Compose
        event={props.event}
        draft={v()}
        setDraft={setV}
        templates={templates()}
        templatesError={templatesError()}
        retryTemplates={() => void loadTemplates()}
        devMailbox={devMailbox()}
        onSent={(id) => {
          setDraft(blank());
          void pollHistory();
          openMessage(id);
          return () => detailHeading?.focus();
        }}
      />
      <section class="msg-history" aria-labelledby="msg-history-title">
        <h3 id="msg-history-title">{ct('msg.history')}</h3>
        <FormError error={historyError()} />
        <Show
          when={history()}
          fallback={
            <Show when={!historyError()}>
              <p class="loading">{ct('loading')}</p>
            </Show>
          }
        >
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
        </Show>
        <Show when={openId()} keyed>
          {(id) => (
            <MessageDelivery
              slug={slug}
              id={id}
              event={props.event}
              devMailbox={devMailbox()}
              dirty={isDirty(v())}
              headingRef={(el) => (detailHeading = el)}
              onProgress={() => void pollHistory()}
              onClose={() => {
                setOpenId(null);
                document.querySelector<HTMLElement>(`[data-message="${id}"]`)?.focus();
              }}
              onReuse={(m) => {
                setDraft({
                  ...v(),
                  subject: m.subject,
                  body: m.body,
                  ...audienceFields(m.audience, v()),
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

/** The audience of a sent message as compose fields; chosen registrations are not named in it, so those keep the current audience. */
function audienceFields(a: unknown, d: Draft): Partial<Draft> {
  const x = a as { type?: string; status?: Draft['status']; checkedIn?: boolean };
  if (x.type === 'attendees')
    return {
      audience: 'attendees',
      status: x.status ?? 'confirmed',
      checkedIn: x.checkedIn === undefined ? '' : x.checkedIn ? 'true' : 'false',
    };
  if (x.type === 'people' || x.type === 'speakers' || x.type === 'guests') return { audience: x.type };
  return { audience: d.audience };
}

function Compose(props: {
  event: ConsoleEvent;
  draft: Draft;
  setDraft: <K extends keyof Draft>(k: K, value: Draft[K]) => void;
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
  const d = () => props.draft;
  const [preview, setPreview] = createSignal<MessagePreview | null>(null);
  const [previewWritten, setPreviewWritten] = createSignal(false);
  const [previewFor, setPreviewFor] = createSignal<string | undefined>(undefined);
  const [previewBusy, setPreviewBusy] = createSignal(false);
  const [previewError, setPreviewError] = createSignal<string | null>(null);
  const [previewFields, setPreviewFields] = createSignal<Record<string, string>>({});
  const [tested, setTested] = createSignal<{ name: string; email: string; at: string } | null>(null);
  const [confirming, setConfirming] = createSignal<MessagePreview | null>(null);
  const [sending, setSending] = createSignal(false);
  const [sendError, setSendError] = createSignal<string | null>(null);
  const previewId = createUniqueId();
  let form!: HTMLFormElement;
  let subjectEl: HTMLInputElement | undefined;
  let bodyEl: HTMLTextAreaElement | undefined;
  let lastField: 'subject' | 'body' = 'body';
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Where the focus goes once the confirmation has closed (after a send, the new message's progress).
  let afterClose: (() => void) | undefined;
  onCleanup(() => {
    controller?.abort();
    clearTimeout(timer);
  });

  const set =
    <K extends keyof Draft>(k: K) =>
    (value: Draft[K]) => {
      props.setDraft(k, value);
      submit.clearField(k);
      if (previewFields()[k]) setPreviewFields(({ [k]: _, ...rest }) => rest);
    };
  // The server names the field it rejects: "body" for an unknown placeholder even when it is in the subject.
  const err = (k: string) =>
    previewFields()[k] ?? submit.fieldErrors()[k] ?? (k === 'picked' ? previewFields()['audience.ids'] : undefined);

  const request = () => {
    const audience = audienceOf(d());
    if (!audience) return null;
    return {
      audience,
      subject: d().subject.trim() || STAND_IN,
      body: d().body.trim() || STAND_IN,
      locale: d().lang,
      recipientId: previewFor(),
    };
  };

  /** Asks for the count and one rendering; throws, for the send button, which needs a fresh count. */
  async function fetchPreview(): Promise<MessagePreview | null> {
    clearTimeout(timer);
    controller?.abort();
    const body = request();
    if (!body) {
      setPreview(null);
      return null;
    }
    const mine = (controller = new AbortController());
    const written = Boolean(d().subject.trim() && d().body.trim());
    setPreviewBusy(true);
    try {
      const result = await previewMessage(slug, body, mine.signal);
      if (mine.signal.aborted) return null;
      setPreview(result);
      setPreviewWritten(written);
      setPreviewError(null);
      setPreviewFields({});
      return result;
    } finally {
      if (controller === mine) setPreviewBusy(false);
    }
  }

  async function refreshPreview() {
    try {
      await fetchPreview();
    } catch (e) {
      if (controller?.signal.aborted) return;
      const fields = fieldErrors(e);
      setPreviewFields(fields);
      setPreviewError(Object.keys(fields).length ? null : fail(e));
    }
  }

  // Typing waits for a pause; picking another recipient to preview does not.
  const inputs = createMemo(() => JSON.stringify([audienceOf(d()), d().subject, d().body, d().lang]));
  createEffect(
    on(inputs, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void refreshPreview(), PREVIEW_DELAY_MS);
    }),
  );
  createEffect(on(previewFor, () => void refreshPreview(), { defer: true }));

  function applyTemplate() {
    const list = props.templates?.[d().templateLang] ?? [];
    const tpl = list.find((x) => x.id === d().template);
    if (!tpl) return;
    props.setDraft('subject', tpl.subject);
    props.setDraft('body', tpl.body);
    props.setDraft('filled', { subject: tpl.subject, body: tpl.body });
    props.setDraft('lang', d().templateLang);
    if (tpl.audience === 'attendees') {
      props.setDraft('audience', 'attendees');
      props.setDraft('status', 'confirmed');
    } else props.setDraft('audience', tpl.audience);
    submit.reset();
    setPreviewFields({});
    toast(ct('msg.templateApplied', { template: templateName(tpl.id) }));
  }
  const templateName = (id: string) => ctOr(`msg.template.${id}`, id);

  function insert(token: string) {
    const el = lastField === 'subject' ? subjectEl : bodyEl;
    if (!el) return;
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? el.value.length;
    const next = el.value.slice(0, start) + token + el.value.slice(end);
    set(lastField)(next);
    el.value = next;
    el.focus();
    el.setSelectionRange(start + token.length, start + token.length);
  }

  function check() {
    const e: Record<string, string> = {};
    if (d().audience === 'ids' && !d().picked.length) e.picked = ct('msg.needIds');
    if (!d().subject.trim()) e.subject = ct('msg.needSubject');
    if (!d().body.trim()) e.body = ct('msg.needBody');
    return e;
  }

  async function startSend() {
    let fresh: MessagePreview | null = null;
    const ok = await submit.run(form, check, async () => {
      try {
        fresh = await fetchPreview();
      } catch (e) {
        setPreviewFields(fieldErrors(e));
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
    const audience = audienceOf(d());
    if (!audience || sending()) return;
    setSending(true);
    setSendError(null);
    try {
      const message = await sendMessage(slug, {
        audience,
        subject: d().subject.trim(),
        body: d().body.trim(),
        locale: d().lang,
      });
      toast(ct('msg.sent', { subject: d().subject.trim(), n: message.recipients }));
      setSending(false);
      setPreview(null);
      setTested(null);
      afterClose = props.onSent(message.id);
      setConfirming(null);
    } catch (e) {
      setSending(false);
      const fields = fieldErrors(e);
      if (Object.keys(fields).length) {
        // A field to fix: back to the form, with the field marked.
        setConfirming(null);
        setPreviewFields(fields);
        queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      } else setSendError(fail(e));
    }
  }

  async function sendTest() {
    await test.run(form, check, async () => {
      const body = request()!;
      const { sentTo } = await testMessage(slug, { ...body, subject: d().subject.trim(), body: d().body.trim() });
      const who = preview()?.recipients.find((r) => r.id === (previewFor() ?? preview()?.preview?.recipientId));
      setTested({ name: who?.name ?? '', email: sentTo, at: new Date().toISOString() });
      toast(ct('msg.tested', { email: sentTo }));
    });
  }

  const count = () => preview()?.count ?? null;
  // A rendering of an earlier version is not shown as if it were this one.
  const previewBroken = () => Object.keys(previewFields()).length > 0;
  const shownPreview = () => preview()?.preview ?? null;
  const previewName = () =>
    preview()?.recipients.find((r) => r.id === shownPreview()?.recipientId)?.name ?? shownPreview()?.to ?? '';
  const templateOptions = () => [
    { value: '', label: ct('msg.templateNone') },
    ...(props.templates?.en ?? []).map((x) => ({ value: x.id, label: templateName(x.id) })),
  ];
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
          <fieldset class="msg-template">
            <legend>{ct('msg.templateLegend')}</legend>
            <Show
              when={!props.templatesError}
              fallback={
                <p class="notice error" role="alert">
                  {ct('msg.templatesFailed')} {props.templatesError}{' '}
                  <button type="button" class="secondary small" onClick={() => props.retryTemplates()}>
                    {ct('retry')}
                  </button>
                </p>
              }
            >
              <div class="msg-template-row">
                <Field
                  label={ct('msg.template')}
                  name="template"
                  value={d().template}
                  options={templateOptions()}
                  onInput={(x) => props.setDraft('template', x)}
                />
                <Field
                  label={ct('msg.templateLang')}
                  name="templateLang"
                  value={d().templateLang}
                  options={LANGS}
                  onInput={(x) => props.setDraft('templateLang', x as Lang)}
                />
                <ReplaceButton
                  label={ct('msg.useTemplate')}
                  dirty={isDirty(d())}
                  disabled={!d().template || !props.templates}
                  onReplace={applyTemplate}
                />
              </div>
            </Show>
          </fieldset>
          <fieldset>
            <legend>{ct('msg.recipientsLegend')}</legend>
            <Field
              label={ct('msg.audience')}
              name="audience"
              value={d().audience}
              error={err('audience')}
              options={AUDIENCES.map((a) => ({ value: a, label: ct(`msg.audience.${a}`) }))}
              onInput={(x) => set('audience')(x as AudienceType)}
            />
            <Show when={d().audience === 'attendees'}>
              <div class="pair">
                <Field
                  label={ct('msg.attendeeStatus')}
                  name="status"
                  value={d().status}
                  options={(['confirmed', 'waitlisted', 'cancelled'] as const).map((s) => ({
                    value: s,
                    label: ct(`regStatus.${s}`),
                  }))}
                  onInput={(x) => set('status')(x as Draft['status'])}
                />
                <Field
                  label={ct('msg.checkedIn')}
                  name="checkedIn"
                  value={d().checkedIn}
                  options={[
                    { value: '', label: ct('msg.checkedInAny') },
                    { value: 'true', label: ct('msg.checkedInYes') },
                    { value: 'false', label: ct('msg.checkedInNo') },
                  ]}
                  onInput={(x) => set('checkedIn')(x as Draft['checkedIn'])}
                />
              </div>
            </Show>
            <Show when={d().audience === 'ids'}>
              <Picker slug={slug} picked={d().picked} error={err('picked')} onChange={(list) => set('picked')(list)} />
            </Show>
            <Field
              label={ct('msg.language')}
              name="lang"
              value={d().lang}
              options={LANGS}
              hint={ct('msg.languageHint', TOKENS)}
              onInput={(x) => set('lang')(x as Lang)}
            />
          </fieldset>
          <fieldset>
            <legend>{ct('msg.emailLegend')}</legend>
            <Field
              label={ct('msg.subject')}
              name="subject"
              value={d().subject}
              required
              error={err('subject')}
              onInput={set('subject')}
              inputRef={(el) => {
                subjectEl = el as HTMLInputElement;
                el.addEventListener('focus', () => (lastField = 'subject'));
              }}
            />
            <div
              class="msg-placeholders"
              role="group"
              aria-label={ct('msg.insert')}
              aria-describedby={`${previewId}-insert-hint`}
            >
              <p class="msg-placeholders-title" aria-hidden="true">
                {ct('msg.insert')}
              </p>
              <For each={PLACEHOLDERS}>
                {(p) => (
                  <button type="button" class="secondary small" onClick={() => insert(`{{${p}}}`)}>
                    <code>{`{{${p}}}`}</code> <span class="muted">{ct(`msg.ph.${p}`)}</span>
                  </button>
                )}
              </For>
              <p class="field-hint muted" id={`${previewId}-insert-hint`}>
                {ct('msg.insertHint')}
              </p>
            </div>
            <Field
              class="msg-body"
              label={ct('msg.body')}
              name="body"
              multiline
              value={d().body}
              required
              hint={ct('msg.bodyHint')}
              error={err('body')}
              onInput={set('body')}
              inputRef={(el) => {
                bodyEl = el as HTMLTextAreaElement;
                el.addEventListener('focus', () => (lastField = 'body'));
              }}
            />
          </fieldset>
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
                    name: x().name || x().email,
                    email: x().email,
                    time: formatTime(x().at, props.event.timezone, locale()),
                  })}
                  <Show when={props.devMailbox}>
                    {' '}
                    <a href="/dev/mailbox" target="_blank" rel="noopener">
                      {ct('msg.openMailbox')}
                      <span class="sr-only"> ({ct('newWindow')})</span>
                    </a>
                  </Show>
                </p>
              )}
            </Show>
          </div>
        </form>
        <section
          class="card msg-preview"
          aria-labelledby={`${previewId}-title`}
          aria-busy={previewBusy() ? 'true' : undefined}
        >
          <div class="msg-preview-head">
            <h4 id={`${previewId}-title`}>{ct('msg.preview')}</h4>
            <Show when={previewBusy()}>
              <span class="muted small">{ct('msg.previewUpdating')}</span>
            </Show>
          </div>
          <p class="msg-count" role="status">
            <Show when={audienceOf(d())} fallback={ct('msg.previewChoose')}>
              <Show when={count() !== null} fallback={ct('loading')}>
                <strong>{count() ? recipientsText(count()!) : ct('msg.recipientsNone')}</strong>
              </Show>
            </Show>
          </p>
          <div role="alert">
            <Show when={previewError()}>
              <p class="notice error">
                {ct('msg.previewFailed')} {previewError()}
              </p>
            </Show>
          </div>
          <Show when={audienceOf(d()) && preview()?.recipients.length}>
            <Field
              label={ct('msg.previewFor')}
              name="previewFor"
              value={shownPreview()?.recipientId ?? ''}
              options={(preview()?.recipients ?? []).map((r) => ({ value: r.id, label: `${r.name} · ${r.email}` }))}
              hint={(preview()?.count ?? 0) > 500 ? ct('msg.recipientsFirst') : undefined}
              onInput={(x) => setPreviewFor(x)}
            />
            <Show
              when={previewWritten() && !previewBroken() && shownPreview()}
              fallback={<p class="muted">{ct(previewBroken() ? 'msg.previewFix' : 'msg.previewWrite')}</p>}
            >
              {(p) => (
                <>
                  <dl class="msg-envelope">
                    <dt>{ct('msg.previewTo')}</dt>
                    <dd>
                      {previewName()} &lt;{p().to}&gt;
                    </dd>
                    <dt>{ct('msg.previewSubject')}</dt>
                    <dd class="msg-subject">{p().subject}</dd>
                  </dl>
                  <iframe
                    class="msg-frame"
                    sandbox=""
                    srcdoc={p().html}
                    title={ct('msg.previewFrame', { name: previewName() })}
                  />
                </>
              )}
            </Show>
          </Show>
        </section>
      </div>
      <Modal
        title={
          confirming()?.count === 1
            ? ct('msg.confirmTitleOne')
            : ct('msg.confirmTitle', { n: confirming()?.count ?? 0 })
        }
        open={confirming() !== null}
        busy={sending()}
        onClose={() => {
          setConfirming(null);
          const focus = afterClose;
          afterClose = undefined;
          return focus;
        }}
      >
        <dl class="msg-confirm">
          <dt>{ct('msg.previewSubject')}</dt>
          <dd>{d().subject}</dd>
          <dt>{ct('msg.audience')}</dt>
          <dd>
            {audienceText(d())} ({recipientsText(confirming()?.count ?? 0)})
          </dd>
          <dt>{ct('msg.language')}</dt>
          <dd>{langName(d().lang)}</dd>
        </dl>
        <p>{ct('msg.confirmBody')}</p>
        <FormError error={sendError()} />
        <div class="actions">
          <button type="button" class="secondary" disabled={sending()} onClick={() => setConfirming(null)}>
            {ct('keep')}
          </button>
          <button type="button" disabled={sending()} onClick={() => void send()}>
            {sending() ? ct('msg.sending') : ct('msg.confirmSend', { n: confirming()?.count ?? 0 })}
          </button>
        </div>
      </Modal>
    </section>
  );
}

/**
 * A button that replaces what was written: it asks first only when there is something of the organiser's to lose.
 * `onReplace` may return where the focus goes next.
 */
function ReplaceButton(props: {
  label: string;
  dirty: boolean;
  disabled?: boolean;
  onReplace: () => void | (() => void);
}) {
  const [asking, setAsking] = createSignal(false);
  let after: (() => void) | undefined;
  return (
    <div class="field msg-replace">
      <button
        type="button"
        class="secondary"
        disabled={props.disabled}
        aria-haspopup={props.dirty ? 'dialog' : undefined}
        onClick={() => {
          if (props.dirty) setAsking(true);
          else props.onReplace()?.();
        }}
      >
        {props.label}
      </button>
      <Modal
        title={ct('msg.replaceTitle')}
        open={asking()}
        onClose={() => {
          setAsking(false);
          const focus = after;
          after = undefined;
          return focus;
        }}
      >
        <p>{ct('msg.replaceBody')}</p>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setAsking(false)}>
            {ct('keep')}
          </button>
          <button
            type="button"
            onClick={() => {
              after = props.onReplace() ?? undefined;
              setAsking(false);
            }}
          >
            {ct('msg.replaceConfirm')}
          </button>
        </div>
      </Modal>
    </div>
  );
}

/** Chooses registrations one by one, by the same search as the registrations tab. */
function Picker(props: { slug: string; picked: Picked[]; error?: string; onChange: (list: Picked[]) => void }) {
  const fail = useFailure();
  const [typed, setTyped] = createSignal('');
  const [results, setResults] = createSignal<{ q: string; list: Registration[]; total: number } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const id = createUniqueId();
  let input: HTMLInputElement | undefined;
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());
  const searchSoon = createDebounced((value: string) => void search(value.trim()), 300);

  function onSearch(value: string) {
    setTyped(value);
    searchSoon(value);
  }

  async function search(q: string) {
    controller?.abort();
    if (!q) {
      setResults(null);
      setBusy(false);
      return;
    }
    const mine = (controller = new AbortController());
    setBusy(true);
    try {
      const page = await listRegistrations(
        props.slug,
        { q, sort: 'name', page: '1', pageSize: String(PICK_PAGE) },
        mine.signal,
      );
      if (mine.signal.aborted) return;
      setResults({ q, list: page.registrations, total: page.total });
      setError(null);
    } catch (e) {
      if (!mine.signal.aborted) setError(fail(e));
    } finally {
      if (controller === mine) setBusy(false);
    }
  }

  const isPicked = (rid: string) => props.picked.some((p) => p.id === rid);
  return (
    <div class="msg-picker">
      <Field
        label={ct('msg.pick')}
        name="pick"
        type="search"
        value={typed()}
        hint={ct('msg.pickHint')}
        error={props.error}
        onInput={onSearch}
        inputRef={(el) => (input = el as HTMLInputElement)}
      />
      <p class="muted small" role="status">
        <Show
          when={busy()}
          fallback={
            <Show when={results()}>
              {(r) => (
                <>
                  {r().total === 0
                    ? ct('msg.pickNone', { q: r().q })
                    : r().total > PICK_PAGE
                      ? ct('msg.pickMore', { n: PICK_PAGE })
                      : ''}
                </>
              )}
            </Show>
          }
        >
          {ct('msg.pickSearching')}
        </Show>
      </p>
      <FormError error={error()} />
      <Show when={results()?.list.length}>
        <ul class="msg-pick-list" aria-label={ct('msg.pickResults')}>
          <For each={results()!.list}>
            {(r) => (
              <li>
                <span>
                  <strong>{r.name}</strong> <span class="muted">{r.email}</span>{' '}
                  <span class={`pill status-${r.status}`}>{ct(`regStatus.${r.status as 'confirmed'}`)}</span>
                </span>
                <Show when={r.email} fallback={<span class="muted small">{ct('msg.pickNoEmail')}</span>}>
                  {/* aria-disabled rather than disabled: the focus stays on the button that was just pressed. */}
                  <button
                    type="button"
                    class="secondary small"
                    aria-disabled={isPicked(r.id) ? 'true' : undefined}
                    aria-label={isPicked(r.id) ? undefined : ct('msg.pickAddNamed', { name: r.name })}
                    onClick={() => {
                      if (!isPicked(r.id))
                        props.onChange([...props.picked, { id: r.id, name: r.name, email: r.email }]);
                    }}
                  >
                    {isPicked(r.id) ? ct('msg.pickAdded') : ct('msg.pickAdd')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="msg-chosen" role="group" aria-labelledby={`${id}-chosen`}>
        <p id={`${id}-chosen`} class="msg-chosen-title">
          {ct('msg.chosen', { n: props.picked.length })}
        </p>
        <Show when={props.picked.length} fallback={<p class="muted">{ct('msg.chosenNone')}</p>}>
          <ul class="msg-chips">
            <For each={props.picked}>
              {(p) => (
                <li>
                  <span>{p.name || p.email || p.id}</span>
                  <button
                    type="button"
                    class="icon secondary small"
                    aria-label={ct('msg.pickRemoveNamed', { name: p.name || p.email || p.id })}
                    onClick={() => {
                      props.onChange(props.picked.filter((x) => x.id !== p.id));
                      input?.focus();
                    }}
                  >
                    ×
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </div>
  );
}

function progressLine(m: { recipients: number; sent: number; failed: number; pending: number }) {
  const parts = [ct('msg.sentOf', { done: m.sent, total: m.recipients })];
  if (m.failed) parts.push(ct('msg.failedN', { n: m.failed }));
  if (m.pending) parts.push(ct('msg.waitingN', { n: m.pending }));
  return parts.join(' · ');
}

function History(props: {
  list: MessageSummary[];
  event: ConsoleEvent;
  openId: string | null;
  onOpen: (id: string) => void;
}) {
  return (
    <DataTable
      class="regs-table msg-table"
      caption={ct('msg.historyCaption')}
      columns={[
        ct('msg.col.subject'),
        ct('msg.col.sentAt'),
        ct('msg.col.recipients'),
        ct('msg.col.progress'),
        <span class="sr-only">{ct('regs.actions')}</span>,
      ]}
    >
      <For each={props.list}>
        {(m) => (
          <tr aria-current={props.openId === m.id ? 'true' : undefined}>
            <th scope="row">{m.subject}</th>
            <td class="nowrap">
              <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, props.event.timezone, locale())}</time>
            </td>
            <td class="num">{m.recipients}</td>
            <td>
              <span class={m.failed ? 'bad-text' : m.pending ? '' : 'ok-text'}>{progressLine(m)}</span>
            </td>
            <td>
              <button
                type="button"
                class="secondary small"
                data-message={m.id}
                aria-expanded={props.openId === m.id}
                aria-label={ct('msg.detailsNamed', { subject: m.subject })}
                onClick={() => props.onOpen(m.id)}
              >
                {ct('msg.details')}
              </button>
            </td>
          </tr>
        )}
      </For>
    </DataTable>
  );
}

const WAITING = new Set(['pending', 'sending']);
const PROBLEMS = new Set(['failed', 'bounced', 'complained', 'delayed']);
const SENT = new Set(['sent', 'captured', 'delivered', 'delayed']);
const ORDER = ['failed', 'bounced', 'complained', 'delayed', 'sending', 'pending', 'sent', 'captured', 'delivered'];
const shownStatus = (x: Delivery) => x.deliveryStatus ?? x.status;

function MessageDelivery(props: {
  slug: string;
  id: string;
  event: ConsoleEvent;
  devMailbox: boolean;
  dirty: boolean;
  headingRef: (el: HTMLHeadingElement) => void;
  onClose: () => void;
  onReuse: (m: MessageDetail['message']) => () => void;
  onProgress: () => void;
}) {
  const fail = useFailure();
  const [data, setData] = createSignal<MessageDetail | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [filter, setFilter] = createSignal<'all' | 'problems' | 'waiting'>('all');
  const [all, setAll] = createSignal(false);
  const titleId = createUniqueId();
  const progressId = createUniqueId();

  const poll = createPoll(async () => {
    try {
      const next = await getMessage(props.slug, props.id);
      const wasWaiting = waiting(data());
      setData(next);
      setError(null);
      if (wasWaiting && !waiting(next)) props.onProgress();
      return waiting(next) > 0;
    } catch (e) {
      setError(fail(e));
      return false;
    }
  }, POLL_MS);
  onMount(() => void poll());

  const counts = () => data()?.message.counts ?? {};
  const sum = (set: Set<string>) => Object.entries(counts()).reduce((n, [k, c]) => n + (set.has(k) ? c : 0), 0);
  const total = () => data()?.message.recipients ?? 0;
  const sent = () => sum(SENT);
  const failed = () => sum(new Set(['failed', 'bounced', 'complained']));
  const rows = createMemo(() => {
    const list = [...(data()?.deliveries ?? [])].sort(
      (a, b) => ORDER.indexOf(shownStatus(a)) - ORDER.indexOf(shownStatus(b)) || a.to.localeCompare(b.to),
    );
    const f = filter();
    return f === 'all' ? list : list.filter((x) => (f === 'waiting' ? WAITING : PROBLEMS).has(shownStatus(x)));
  });
  const shown = () => (all() ? rows() : rows().slice(0, ROWS_SHOWN));

  return (
    <section class="card msg-detail" aria-labelledby={titleId}>
      <div class="tab-tools">
        <h4 id={titleId} tabindex="-1" ref={(el) => props.headingRef(el)}>
          {ct('msg.detailTitle', { subject: data()?.message.subject ?? '…' })}
        </h4>
        <button type="button" class="secondary small" onClick={() => props.onClose()}>
          {ct('msg.close')}
        </button>
      </div>
      <FormError error={error()} />
      <Show
        when={data()}
        fallback={
          <Show when={!error()}>
            <p class="loading">{ct('loading')}</p>
          </Show>
        }
      >
        {(m) => (
          <>
            <p class="muted small">
              <time dateTime={m().message.createdAt}>
                {formatDateTime(m().message.createdAt, props.event.timezone, locale())}
              </time>
            </p>
            <div class="msg-progress">
              <span id={progressId} class="msg-progress-label">
                {ct('msg.progress')}
              </span>
              <progress
                aria-labelledby={progressId}
                aria-describedby={`${progressId}-text`}
                max={Math.max(total(), 1)}
                value={sent()}
              />
              <span id={`${progressId}-text`} class="msg-progress-text">
                {progressLine({ recipients: total(), sent: sent(), failed: failed(), pending: waiting(m()) })}
              </span>
            </div>
            <ul class="delivery-counts">
              <For each={ORDER.filter((k) => counts()[k])}>
                {(k) => (
                  <li>
                    <span class={`pill delivery-${k}`}>{ctOr(`delivery.${k}`, k)}</span> {counts()[k]}
                  </li>
                )}
              </For>
            </ul>
            <div role="status">
              <Show when={waiting(m()) === 0} fallback={<p class="muted small">{ct('msg.progressLive')}</p>}>
                <p class={failed() ? 'notice warn' : 'notice ok'}>
                  {ct('msg.finished', { ok: sent(), total: total(), failed: failed() })}
                </p>
              </Show>
            </div>
            <Show when={counts().captured}>
              <p class="notice info">
                {ct('msg.devCaptured')}
                <Show when={props.devMailbox}>
                  {' '}
                  <a href="/dev/mailbox" target="_blank" rel="noopener">
                    {ct('msg.openMailbox')}
                    <span class="sr-only"> ({ct('newWindow')})</span>
                  </a>
                </Show>
              </p>
            </Show>
            <div class="msg-filter">
              <Field
                label={ct('msg.filter')}
                name="deliveryFilter"
                value={filter()}
                onInput={(x) => setFilter(x as 'all')}
                options={[
                  { value: 'all', label: ct('msg.filterAll') },
                  { value: 'problems', label: ct('msg.filterProblems') },
                  { value: 'waiting', label: ct('msg.filterWaiting') },
                ]}
              />
            </div>
            <Show when={rows().length} fallback={<p class="muted">{ct('msg.filterNone')}</p>}>
              <DataTable
                class="regs-table delivery-table"
                caption={ct('msg.deliveriesCaption')}
                columns={[
                  ct('msg.col.to'),
                  ct('msg.col.status'),
                  ct('msg.col.attempts'),
                  ct('msg.col.when'),
                  ct('msg.col.problem'),
                ]}
              >
                <For each={shown()}>
                  {(x) => (
                    <tr>
                      <th scope="row" class="nowrap">
                        {x.to}
                      </th>
                      <td>
                        <span class={`pill delivery-${shownStatus(x)}`}>
                          {ctOr(`delivery.${shownStatus(x)}`, shownStatus(x))}
                        </span>
                      </td>
                      <td class="num">{x.attempts}</td>
                      <td class="nowrap">
                        <Show when={x.sentAt} fallback="—">
                          {(at) => <time dateTime={at()}>{formatDateTime(at(), props.event.timezone, locale())}</time>}
                        </Show>
                      </td>
                      <td class="small">{x.lastError ?? ''}</td>
                    </tr>
                  )}
                </For>
              </DataTable>
              <Show when={!all() && rows().length > ROWS_SHOWN}>
                <p>
                  <button type="button" class="secondary small" onClick={() => setAll(true)}>
                    {ct('msg.showAll', { n: rows().length })}
                  </button>
                </p>
              </Show>
            </Show>
            <details class="msg-written">
              <summary>{ct('msg.bodyTitle')}</summary>
              <pre>{m().message.body}</pre>
            </details>
            <ReplaceButton label={ct('msg.reuse')} dirty={props.dirty} onReplace={() => props.onReuse(m().message)} />
          </>
        )}
      </Show>
    </section>
  );
}

function waiting(d: MessageDetail | null): number {
  if (!d) return 0;
  return Object.entries(d.message.counts).reduce((n, [k, c]) => n + (WAITING.has(k) ? c : 0), 0);
}
