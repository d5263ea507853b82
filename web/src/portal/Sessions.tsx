// The person's own sessions: when (event time zone), where, with whom, and their answer to each invitation.
import { createSignal, For, Show } from 'solid-js';
import { locale, type MessageKey, pick, t } from '../i18n';
import { formatDate, formatTime, zoneLabel } from '../lib/time';
import { ApiFailure } from '../api';
import { type PortalSession, respond } from './portal-api';
import { createSave, FieldError, SaveBar } from './save';
import { pt } from './text';

/** A role in the words the public agenda and the console use (one dictionary: 讨论嘉宾 / Panel guest). */
const role = (r: string) => t(`role.${r}` as MessageKey);
/** Chinese takes full-width punctuation, English its own. */
const colon = () => (locale() === 'zh-CN' ? '：' : ': ');
const comma = () => (locale() === 'zh-CN' ? '、' : ', ');

function SessionCard(props: { token: string; timezone: string; session: PortalSession }) {
  const s = props.session;
  const [answer, setAnswer] = createSignal(s.answer);
  const [note, setNote] = createSignal(s.note);
  // Nothing is chosen for the person: an unanswered invitation stays unanswered until they pick one.
  const [choice, setChoice] = createSignal(s.answer);
  const save = createSave(() => props.timezone);
  const id = `session-${s.id}`;
  const over = () => Date.parse(s.endsAt) <= Date.now();
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const status = choice();
    const done = await save.run(() =>
      status
        ? respond(props.token, s.id, { status, note: note() })
        : // Saving a note alone does not answer for them: they are asked to choose, as the API would ask.
          Promise.reject(new ApiFailure(400, 'invalid', pt('sessions.choose'), { status: pt('sessions.choose') })),
    );
    if (done) setAnswer(done.answer);
  }
  return (
    <li class="portal-session" aria-labelledby={`${id}-title`}>
      <p class="portal-when">
        {formatDate(s.startsAt, props.timezone, locale())} {formatTime(s.startsAt, props.timezone, locale())}–
        {formatTime(s.endsAt, props.timezone, locale())}{' '}
        <span class="muted nowrap">{pt('sessions.zone', { zone: zoneLabel(props.timezone, locale()) })}</span>
      </p>
      <h3 id={`${id}-title`}>{pick(s.title)}</h3>
      <p class="portal-meta">
        <span class="badge">{role(s.role)}</span>
        <Show when={pick(s.room)}>
          {(room) => (
            <span>
              {pt('sessions.room')}
              {colon()}
              {room()}
            </span>
          )}
        </Show>
      </p>
      <Show when={s.others.length}>
        <p class="portal-with">
          {pt('sessions.with')}
          {colon()}
          <For each={s.others}>
            {(o, i) => (
              <>
                {i() ? comma() : ''}
                {pick(o.name)}
                {pick(o.honorific) ? ` ${pick(o.honorific)}` : ''} <span class="muted">({role(o.role)})</span>
              </>
            )}
          </For>
        </p>
      </Show>
      <Show
        when={!over()}
        fallback={
          // An item that has taken place keeps the answer it had (the API refuses a new one): a record, not a question.
          <p class="portal-answer over">
            {pt('sessions.over')} ·{' '}
            {answer() === 'confirmed'
              ? pt('sessions.confirmed')
              : answer() === 'declined'
                ? pt('sessions.declined')
                : pt('sessions.noAnswer')}
          </p>
        }
      >
        <p class={`portal-answer ${answer() ?? 'waiting'}`}>
          {answer() === 'confirmed'
            ? pt('sessions.confirmed')
            : answer() === 'declined'
              ? pt('sessions.declined')
              : pt('sessions.waiting')}
          <Show when={answer()}>
            <span class="muted"> · {pt('sessions.change')}</span>
          </Show>
        </p>
        <form noValidate onSubmit={submit}>
          <fieldset class="portal-choice" aria-describedby={`${id}-answer-error`}>
            <legend class="sr-only">{pick(s.title)}</legend>
            <label>
              <input
                type="radio"
                name={`${id}-answer`}
                value="confirmed"
                checked={choice() === 'confirmed'}
                onChange={() => setChoice('confirmed')}
              />
              {pt('sessions.confirm')}
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-answer`}
                value="declined"
                checked={choice() === 'declined'}
                onChange={() => setChoice('declined')}
              />
              {pt('sessions.decline')}
            </label>
          </fieldset>
          <FieldError save={save} name="status" id={`${id}-answer-error`} />
          <div class="field">
            <label for={`${id}-note`}>{pt('sessions.note')}</label>
            <textarea
              id={`${id}-note`}
              rows="2"
              maxLength={1000}
              value={note()}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </div>
          <SaveBar save={save} />
        </form>
      </Show>
    </li>
  );
}

export function Sessions(props: { token: string; timezone: string; sessions: PortalSession[] }) {
  return (
    <section class="card portal-section" aria-labelledby="portal-sessions">
      <h2 id="portal-sessions">{pt('sessions.title')}</h2>
      <Show when={props.sessions.length} fallback={<p class="muted">{pt('sessions.none')}</p>}>
        <ol class="portal-sessions">
          <For each={props.sessions}>
            {(s) => <SessionCard token={props.token} timezone={props.timezone} session={s} />}
          </For>
        </ol>
      </Show>
    </section>
  );
}
