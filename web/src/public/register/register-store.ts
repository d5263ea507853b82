// The registration form's state and its submit: contact values, answers, consents, errors, focus and the server's reply.
import { useNavigate } from '@solidjs/router';
import { createSignal, createUniqueId } from 'solid-js';
import { asciiContact } from '../../../../worker/lib/normalize';
import { checkAnswers } from '../../../../worker/questions/answers';
import { ApiFailure, api, type PublicEvent, read, type Success } from '../../api';
import { type Locale, locale } from '../../i18n';
import type { PublicKey } from '../text';
import { type AnswerDraft, answersBody } from '../QuestionFields';
import {
  answerErrorsFromServer,
  checkContact,
  type Contact,
  contactErrorsFromServer,
  type Errors,
  type Field,
  ORDER,
  type TextFieldName,
} from './contact-rules';

/** What the ticket page reads from history state to say that an email went out. */
type Registered = Success<(typeof api.api.events)[':slug']['registrations']['$post']>['registration'];
export type RegisteredState = { registered: Registered['status']; email: string };
/** An invitation link's invitee: the form registers this address only, so its email is fixed. */
export type Invitee = { token: string; name: string; email: string };
export type RegisterProps = { event: PublicEvent; invitation?: Invitee };
export type RegisterStore = ReturnType<typeof createRegisterStore>;

/** The failures that are not about one field, each with what the form says. */
const FAILURES: Record<string, { key: PublicKey; tone: 'error' | 'info' }> = {
  already_registered: { key: 'reg.already', tone: 'info' },
  registration_closed: { key: 'reg.closed', tone: 'error' },
  invitation_required: { key: 'reg.inviteInvalid', tone: 'error' },
  invitation_email_mismatch: { key: 'reg.inviteMismatch', tone: 'error' },
};

export function createRegisterStore(props: RegisterProps) {
  const navigate = useNavigate();
  const uid = createUniqueId();
  const id = (f: string) => `reg-${uid}-${f}`;
  const [values, setValues] = createSignal<Contact>({
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
  const [message, setMessage] = createSignal<{ key: PublicKey; tone: 'error' | 'info' } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const refs: Partial<Record<Field, HTMLElement>> = {};
  // The organiser's questions: answers, the sensitive ones' consent ticks, and their errors (already in words).
  const [draft, setDraft] = createSignal<AnswerDraft>({});
  const [consents, setConsents] = createSignal<string[]>([]);
  const [answerErrors, setAnswerErrors] = createSignal<Record<string, string>>({});
  const answerRefs: Record<string, HTMLElement> = {};
  const questions = () => props.event.questions;
  let submitButton: HTMLButtonElement | undefined;

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
  function showErrors(found: Errors) {
    setErrors(found);
    const first = ORDER.find((f) => found[f]);
    if (first) refs[first]?.focus();
    return first !== undefined;
  }
  const clearError = (f: Field) => {
    if (errors()[f]) setErrors({ ...errors(), [f]: undefined });
  };
  const clearAnswerError = (qid: string) => {
    if (answerErrors()[qid]) setAnswerErrors({ ...answerErrors(), [qid]: '' });
  };

  async function send() {
    const v = asciiContact(values());
    const optional = (s: string) => (s.trim() ? s.trim() : undefined);
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
  }

  function failed(err: unknown) {
    setBusy(false);
    if (!(err instanceof ApiFailure)) setMessage({ key: 'reg.network', tone: 'error' });
    else if (err.code === 'invalid') {
      const answerFound = answerErrorsFromServer(err.fields);
      setAnswerErrors(answerFound);
      if (showErrors(contactErrorsFromServer(err.fields, values()))) return;
      if (focusFirstAnswerError(answerFound)) return;
      setMessage({ key: 'reg.checkFields', tone: 'error' });
    } else if (FAILURES[err.code]) setMessage(FAILURES[err.code]);
    else if (err.status === 429) setMessage({ key: 'reg.rateLimited', tone: 'error' });
    else if (err.status === 413) setMessage({ key: 'reg.tooLarge', tone: 'error' });
    else setMessage({ key: 'reg.server', tone: 'error' });
    submitButton?.focus();
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (busy()) return;
    setMessage(null);
    const answerFound = checkQuestions();
    setAnswerErrors(answerFound);
    if (showErrors(checkContact(values(), consent()))) return;
    if (focusFirstAnswerError(answerFound)) return;
    setBusy(true);
    try {
      await send();
    } catch (err) {
      failed(err);
    }
  }

  return {
    id,
    invitation: () => props.invitation,
    values,
    setValue: (f: TextFieldName, value: string) => {
      setValues({ ...values(), [f]: value });
      clearError(f);
    },
    language,
    setChosenLocale,
    consent,
    setConsent: (given: boolean) => {
      setConsent(given);
      clearError('consent');
    },
    errors,
    message,
    busy,
    questions,
    draft,
    setAnswer: (qid: string, value: AnswerDraft[string]) => {
      setDraft({ ...draft(), [qid]: value });
      clearAnswerError(qid);
    },
    consents,
    setSensitiveConsent: (qid: string, given: boolean) => {
      setConsents(given ? [...consents(), qid] : consents().filter((x) => x !== qid));
      clearAnswerError(qid);
    },
    answerErrors,
    setRef: (f: Field, el: HTMLElement) => (refs[f] = el),
    setAnswerRef: (qid: string, el: HTMLElement) => (answerRefs[qid] = el),
    setSubmitButton: (el: HTMLButtonElement) => (submitButton = el),
    submit,
  };
}
