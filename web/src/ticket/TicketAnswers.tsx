// The attendee's answers on the ticket page (with the emailed link): shown, and correctable until registration closes.
// Sensitive answers come back masked and are kept unless retyped.
import { createResource, createSignal, Show, Suspense } from 'solid-js';
import { api, ApiFailure, read } from '../api';
import { locale } from '../i18n';
import { type AnswerDraft, answersBody, QuestionFields } from '../public/QuestionFields';
import './ticket-answers.css';

const TEXT = {
  'zh-CN': {
    title: '报名信息',
    hint: '报名截止前可以修改。',
    closed: '报名已截止，不能再修改。',
    save: '保存修改',
    saving: '正在保存…',
    saved: '已保存。',
    failed: '未能保存，请检查后重试。',
  },
  en: {
    title: 'Your answers',
    hint: 'You can correct them until registration closes.',
    closed: 'Registration has closed: answers can no longer change.',
    save: 'Save changes',
    saving: 'Saving…',
    saved: 'Saved.',
    failed: 'Not saved. Check the answers and try again.',
  },
} as const;

/** The answers are an extra on the ticket page: if they cannot be read, the section stays away, the ticket stays. */
const load = (args: { code: string; token: string }) =>
  read(api.api.tickets[':code'].answers.view.$post({ param: { code: args.code }, json: { token: args.token } })).catch(
    () => null,
  );

export function TicketAnswers(props: { code: string; token: string }) {
  const tx = () => TEXT[locale()];
  const [view, { mutate }] = createResource(() => ({ code: props.code, token: props.token }), load);
  const [draft, setDraft] = createSignal<AnswerDraft>({});
  const [consents, setConsents] = createSignal<string[]>([]);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [status, setStatus] = createSignal<'saved' | 'failed' | null>(null);
  const [busy, setBusy] = createSignal(false);
  /** Stored answers fill the draft, except sensitive ones: those show masked as a placeholder. */
  const seeded = () => {
    const v = view();
    if (!v) return {};
    const out: AnswerDraft = {};
    for (const q of v.questions) {
      const a = v.answers[q.id];
      if (a === undefined || q.sensitive) continue;
      out[q.id] = typeof a === 'number' ? String(a) : (a as AnswerDraft[string]);
    }
    return { ...out, ...draft() };
  };
  const masked = () =>
    Object.fromEntries(
      (view()?.questions ?? [])
        .filter((q) => q.sensitive && view()!.answers[q.id] !== undefined)
        .map((q) => [q.id, String(view()!.answers[q.id])]),
    );

  async function save(e: SubmitEvent) {
    e.preventDefault();
    const v = view();
    if (!v || busy()) return;
    setBusy(true);
    setStatus(null);
    try {
      const saved = await read(
        api.api.tickets[':code'].answers.$put({
          param: { code: props.code },
          json: {
            token: props.token,
            answers: answersBody(v.questions, seeded()),
            sensitiveConsent: consents(),
            locale: locale(),
          },
        }),
      );
      mutate(saved);
      setDraft({});
      setErrors({});
      setStatus('saved');
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'invalid')
        setErrors(
          Object.fromEntries(
            Object.entries(err.fields)
              .filter(([k]) => k.startsWith('answers.'))
              .map(([k, m]) => [k.slice('answers.'.length), m]),
          ),
        );
      setStatus('failed');
    } finally {
      setBusy(false);
    }
  }

  // Its own boundary: loading the answers must not suspend the whole page (and take the heading's focus with it).
  return (
    <Suspense>
      <Show when={view()?.questions.length}>
        <section class="ticket-answers no-print card" aria-labelledby="ticket-answers-title">
          <h2 id="ticket-answers-title">{tx().title}</h2>
          <p class="muted">{view()!.editable ? tx().hint : tx().closed}</p>
          <form noValidate onSubmit={save}>
            <fieldset class="ticket-answers-fields" disabled={!view()!.editable || busy()}>
              <QuestionFields
                questions={view()!.questions}
                draft={seeded()}
                onChange={(id, value) => {
                  setDraft({ ...draft(), [id]: value });
                  setStatus(null);
                }}
                consents={consents()}
                onConsent={(id, given) => setConsents(given ? [...consents(), id] : consents().filter((x) => x !== id))}
                errors={errors()}
                masked={masked()}
              />
            </fieldset>
            <div role="status">
              <Show when={status() === 'saved'}>
                <p class="notice ok">{tx().saved}</p>
              </Show>
            </div>
            <div role="alert">
              <Show when={status() === 'failed'}>
                <p class="notice error">{tx().failed}</p>
              </Show>
            </div>
            <Show when={view()!.editable}>
              <button type="submit" class="secondary" disabled={busy()}>
                {busy() ? tx().saving : tx().save}
              </button>
            </Show>
          </form>
        </section>
      </Show>
    </Suspense>
  );
}
