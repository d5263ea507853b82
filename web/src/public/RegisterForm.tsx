// The registration form on the event page: validated in the reader's language, accessible, and kind on failure.
import { useNavigate } from '@solidjs/router';
import { createSignal, createUniqueId, type JSX, Show } from 'solid-js';
import { api, ApiFailure, type PublicEvent, read, type Success } from '../api';
import { asciiContact } from '../../../worker/lib/normalize';
import { type Locale, locale, type MessageKey, t } from '../i18n';
import { formatDateTime } from '../lib/time';
import { checkAnswers } from '../../../worker/questions/answers';
import { type AnswerDraft, answersBody, QuestionFields } from './QuestionFields';

type Field = 'name' | 'email' | 'phone' | 'affiliation' | 'jobTitle' | 'locale' | 'consent';
type Errors = Partial<Record<Field, MessageKey>>;
/** Page order: focus goes to the first invalid field in it. */
const ORDER: Field[] = ['name', 'email', 'phone', 'affiliation', 'jobTitle', 'locale', 'consent'];
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^[0-9+()\-\s]*$/;
/** The server's length limits, checked here first so the message comes in the reader's language. */
const MAX = { name: 120, email: 254, phone: 40, affiliation: 200, jobTitle: 120 } as const;

/** What the ticket page reads from history state to say that an email went out. */
type Registered = Success<(typeof api.api.events)[':slug']['registrations']['$post']>['registration'];
export type RegisteredState = { registered: Registered['status']; email: string };
/** An invitation link's invitee: the form registers this address only, so its email is fixed. */
export type Invitee = { token: string; name: string; email: string };

export function RegisterForm(props: { event: PublicEvent; invitation?: Invitee }) {
  const navigate = useNavigate();
  const uid = createUniqueId();
  const id = (f: string) => `reg-${uid}-${f}`;
  const [values, setValues] = createSignal({
    name: props.invitation?.name ?? '',
    email: props.invitation?.email ?? '',
    phone: '',
    affiliation: '',
    jobTitle: '',
  });
  const [chosenLocale, setChosenLocale] = createSignal<Locale | null>(null);
  const language = () => chosenLocale() ?? locale();
  const [consent, setConsent] = createSignal(false);
  const [errors, setErrors] = createSignal<Errors>({});
  const [message, setMessage] = createSignal<{ key: MessageKey; tone: 'error' | 'info' } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const refs: Partial<Record<Field, HTMLElement>> = {};
  // The organiser's questions: answers, the sensitive ones' consent ticks, and their errors (already in words).
  const [draft, setDraft] = createSignal<AnswerDraft>({});
  const [consents, setConsents] = createSignal<string[]>([]);
  const [answerErrors, setAnswerErrors] = createSignal<Record<string, string>>({});
  const answerRefs: Record<string, HTMLElement> = {};
  const questions = () => props.event.questions;
  /** The same rules the server applies, so each message shows beside its field before anything is sent. */
  const checkQuestions = () =>
    Object.fromEntries(
      Object.entries(checkAnswers(questions(), answersBody(questions(), draft()), consents(), language()).fields).map(
        ([k, v]) => [k.slice('answers.'.length), v],
      ),
    );
  const focusFirstAnswerError = (found: Record<string, string>) => {
    const first = questions().find((q) => found[q.id]);
    if (first) answerRefs[first.id]?.focus();
    return first !== undefined;
  };
  let submitButton!: HTMLButtonElement;

  const set = (f: keyof ReturnType<typeof values>) => (e: { currentTarget: HTMLInputElement }) => {
    setValues({ ...values(), [f]: e.currentTarget.value });
    if (errors()[f]) setErrors({ ...errors(), [f]: undefined });
  };

  function check(): Errors {
    const v = asciiContact(values());
    const found: Errors = {};
    if (!v.name.trim()) found.name = 'err.nameRequired';
    if (!v.email.trim()) found.email = 'err.emailRequired';
    else if (!EMAIL.test(v.email.trim())) found.email = 'err.email';
    for (const f of Object.keys(MAX) as (keyof typeof MAX)[])
      if (!found[f] && v[f].trim().length > MAX[f]) found[f] = 'err.tooLong';
    if (!found.phone && !PHONE.test(v.phone)) found.phone = 'err.phone';
    if (!consent()) found.consent = 'err.consent';
    return found;
  }

  /** The server's messages are English; show ours, in the reader's language, for the fields it names. */
  function fromServer(fields: Record<string, string>): Errors {
    const found: Errors = {};
    for (const [key, msg] of Object.entries(fields)) {
      const f = key as Field;
      if (!ORDER.includes(f)) continue;
      const value = f === 'consent' || f === 'locale' ? 'x' : values()[f].trim();
      if (f === 'consent') found.consent = 'err.consent';
      else if (!value)
        found[f] = f === 'email' ? 'err.emailRequired' : f === 'name' ? 'err.nameRequired' : 'err.invalid';
      else if (/too long|too big|at most|too_big|maximum|characters/i.test(msg)) found[f] = 'err.tooLong';
      else if (f === 'email') found.email = 'err.email';
      else if (f === 'phone') found.phone = 'err.phone';
      else found[f] = 'err.invalid';
    }
    return found;
  }

  function showErrors(found: Errors) {
    setErrors(found);
    const first = ORDER.find((f) => found[f]);
    if (first) refs[first]?.focus();
    return first !== undefined;
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (busy()) return;
    setMessage(null);
    const answerFound = checkQuestions();
    setAnswerErrors(answerFound);
    if (showErrors(check())) return;
    if (focusFirstAnswerError(answerFound)) return;
    const v = asciiContact(values());
    const optional = (s: string) => (s.trim() ? s.trim() : undefined);
    setBusy(true);
    try {
      const res = await api.api.events[':slug'].registrations.$post({
        param: { slug: props.event.slug },
        json: {
          name: v.name.trim(),
          email: v.email.trim(),
          phone: optional(v.phone),
          affiliation: optional(v.affiliation),
          jobTitle: optional(v.jobTitle),
          locale: language(),
          consent: true as const,
          invitation: props.invitation?.token,
          answers: answersBody(questions(), draft()),
          sensitiveConsent: consents(),
        },
      });
      const { registration } = await read(res);
      const state: RegisteredState = { registered: registration.status, email: v.email.trim() };
      // The management link's token comes along, so the registrant can cancel from this page as from the email.
      const manage = new URL(registration.manageUrl).searchParams.get('m') ?? '';
      navigate(`/t/${encodeURIComponent(registration.ticketCode)}?m=${encodeURIComponent(manage)}`, { state });
    } catch (err) {
      setBusy(false);
      if (!(err instanceof ApiFailure)) setMessage({ key: 'reg.network', tone: 'error' });
      else if (err.code === 'invalid') {
        const found = fromServer(err.fields);
        const answerFound = Object.fromEntries(
          Object.entries(err.fields)
            .filter(([k]) => k.startsWith('answers.'))
            .map(([k, v]) => [k.slice('answers.'.length), v]),
        );
        setAnswerErrors(answerFound);
        if (showErrors(found)) return;
        if (focusFirstAnswerError(answerFound)) return;
        setMessage({ key: 'reg.checkFields', tone: 'error' });
      } else if (err.code === 'already_registered') setMessage({ key: 'reg.already', tone: 'info' });
      else if (err.code === 'registration_closed') setMessage({ key: 'reg.closed', tone: 'error' });
      else if (err.code === 'invitation_required') setMessage({ key: 'reg.inviteInvalid', tone: 'error' });
      else if (err.code === 'invitation_email_mismatch') setMessage({ key: 'reg.inviteMismatch', tone: 'error' });
      else if (err.status === 429) setMessage({ key: 'reg.rateLimited', tone: 'error' });
      else if (err.status === 413) setMessage({ key: 'reg.tooLarge', tone: 'error' });
      else setMessage({ key: 'reg.server', tone: 'error' });
      submitButton.focus();
    }
  }

  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  function TextField(p: {
    field: 'name' | 'email' | 'phone' | 'affiliation' | 'jobTitle';
    label: MessageKey;
    type?: string;
    autocomplete: string;
    required?: boolean;
    hint?: MessageKey;
    inputmode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
  }) {
    const error = () => errors()[p.field];
    const fixed = () => p.field === 'email' && !!props.invitation;
    return (
      <div class="field">
        <label for={id(p.field)}>
          {t(p.label)}
          <Show when={!p.required}>
            {' '}
            <span class="optional">({t('reg.optional')})</span>
          </Show>
        </label>
        <Show when={p.hint}>
          <p class="hint field-hint" id={id(`${p.field}-hint`)}>
            {t(fixed() ? 'reg.emailFixed' : p.hint!)}
          </p>
        </Show>
        <input
          id={id(p.field)}
          name={p.field}
          type={p.type ?? 'text'}
          autocomplete={p.autocomplete}
          inputMode={p.inputmode}
          required={p.required}
          readOnly={fixed()}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={describedBy(p.hint && id(`${p.field}-hint`), error() && id(`${p.field}-error`))}
          value={values()[p.field]}
          onInput={set(p.field)}
          ref={(el) => (refs[p.field] = el)}
        />
        <Show when={error()}>
          <p class="field-error" id={id(`${p.field}-error`)}>
            {t(error()!, { n: MAX[p.field] })}
          </p>
        </Show>
      </div>
    );
  }

  return (
    <section class="register card" aria-labelledby={id('title')} id="register">
      <h2 id={id('title')}>{t('register')}</h2>
      <Show
        when={props.event.registrationOpen}
        fallback={
          <Show when={props.event.ended} fallback={<p class="notice">{t('reg.closed')}</p>}>
            <p class="notice ended">
              <strong>{t('reg.ended')}</strong>
            </p>
            <p class="muted">{t('reg.endedDetail')}</p>
          </Show>
        }
      >
        <p class="seats" aria-live="polite">
          <Show when={props.event.seatsLeft > 0} fallback={<strong class="waitlist">{t('reg.waitlist')}</strong>}>
            <strong>{t('seatsLeft', { n: props.event.seatsLeft })}</strong>{' '}
            <span class="muted">{t('seatsOf', { n: props.event.capacity })}</span>
          </Show>
        </p>
        <p class="muted intro">{t('reg.intro')}</p>
        <Show when={props.event.registrationMode === 'approval'}>
          <p class="notice info approval-note">{t('reg.approvalNote')}</p>
        </Show>
        <p class="muted closes-by">
          {t('reg.closesBy', {
            when: formatDateTime(props.event.registrationClosesBy, props.event.timezone, locale()),
          })}
        </p>
        <form noValidate onSubmit={submit}>
          <TextField field="name" label="reg.name" autocomplete="name" required />
          <TextField
            field="email"
            label="reg.email"
            type="email"
            autocomplete="email"
            required
            hint="reg.emailHint"
            inputmode="email"
          />
          <TextField field="phone" label="reg.phone" type="tel" autocomplete="tel" inputmode="tel" />
          <TextField field="affiliation" label="reg.affiliation" autocomplete="organization" />
          <TextField field="jobTitle" label="reg.jobTitle" autocomplete="organization-title" />
          <QuestionFields
            questions={questions()}
            draft={draft()}
            onChange={(qid, value) => {
              setDraft({ ...draft(), [qid]: value });
              if (answerErrors()[qid]) setAnswerErrors({ ...answerErrors(), [qid]: '' });
            }}
            consents={consents()}
            onConsent={(qid, given) => {
              setConsents(given ? [...consents(), qid] : consents().filter((x) => x !== qid));
              if (answerErrors()[qid]) setAnswerErrors({ ...answerErrors(), [qid]: '' });
            }}
            errors={answerErrors()}
            ref={(qid, el) => (answerRefs[qid] = el)}
          />
          <div class="field">
            <label for={id('locale')}>{t('reg.language')}</label>
            <select
              id={id('locale')}
              name="locale"
              value={language()}
              ref={(el) => (refs.locale = el)}
              aria-invalid={errors().locale ? 'true' : undefined}
              aria-describedby={errors().locale ? id('locale-error') : undefined}
              onChange={(e) => setChosenLocale(e.currentTarget.value as Locale)}
            >
              <option value="zh-CN" lang="zh-CN">
                中文
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
            <Show when={errors().locale}>
              <p class="field-error" id={id('locale-error')}>
                {t(errors().locale!)}
              </p>
            </Show>
          </div>
          <div class="field consent">
            <div class="check">
              <input
                id={id('consent')}
                name="consent"
                type="checkbox"
                required
                checked={consent()}
                ref={(el) => (refs.consent = el)}
                aria-invalid={errors().consent ? 'true' : undefined}
                aria-describedby={describedBy(id('consent-hint'), errors().consent && id('consent-error'))}
                onChange={(e) => {
                  setConsent(e.currentTarget.checked);
                  if (errors().consent) setErrors({ ...errors(), consent: undefined });
                }}
              />
              <label for={id('consent')}>{t('reg.consent')}</label>
            </div>
            <p class="hint field-hint" id={id('consent-hint')}>
              {t('reg.consentHint')}
            </p>
            <Show when={errors().consent}>
              <p class="field-error" id={id('consent-error')}>
                {t(errors().consent!)}
              </p>
            </Show>
          </div>
          <div role="alert" id={id('message')} class="form-message">
            <Show when={message()}>{(m) => <p class={`notice ${m().tone}`}>{t(m().key)}</p>}</Show>
          </div>
          <p role="status" class="sr-only">
            {busy() ? t('reg.submitting') : ''}
          </p>
          <button type="submit" class="primary" disabled={busy()} ref={submitButton}>
            {busy() ? t('reg.submitting') : t('reg.submit')}
          </button>
        </form>
      </Show>
    </section>
  );
}
