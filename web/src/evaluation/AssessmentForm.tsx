// The assessment: each question's choice kept as a draft as it is made, one submit scored on the server, the score,
// pass or fail and the tries left; a pass hands the certificate up at once.
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { ApiFailure } from '../api';
import { pick } from '../i18n';
import { type Assessment, type AttemptResult, saveDraft, submitAttempt } from './evaluation-api';
import { et } from './evaluation-text';
import { SaveNote } from './SaveNote';
import { createSaver } from './saver';

export function AssessmentForm(props: {
  code: string;
  assessment: Assessment;
  readOnly: boolean;
  onCertificate: (c: NonNullable<AttemptResult['certificate']>) => void;
}) {
  const id = createUniqueId();
  const [choices, setChoices] = createSignal<Record<string, number[]>>({ ...props.assessment.draft });
  const [passed, setPassed] = createSignal(props.assessment.passed);
  const [triesLeft, setTriesLeft] = createSignal(props.assessment.triesLeft);
  const [result, setResult] = createSignal<AttemptResult | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const drafts = createSaver<number[]>((qid, c) => saveDraft(props.code, qid, c));
  let resultHeading: HTMLHeadingElement | undefined;

  const choose = (qid: string, kind: 'single' | 'multiple', i: number, on: boolean) => {
    const now = choices()[qid] ?? [];
    const next = kind === 'single' ? [i] : on ? [...new Set([...now, i])].sort() : now.filter((x) => x !== i);
    setChoices({ ...choices(), [qid]: next });
    drafts.save(qid, next);
  };
  const unanswered = () => props.assessment.questions.filter((q) => !choices()[q.id]?.length).length;

  async function submit(e: Event) {
    e.preventDefault();
    if (busy()) return;
    setError(null);
    if (unanswered()) return setError(et('a.unanswered', { n: unanswered() }));
    setBusy(true);
    try {
      const r = await submitAttempt(props.code, choices());
      setResult(r);
      setTriesLeft(r.triesLeft);
      if (r.passed) setPassed(true);
      if (r.certificate) props.onCertificate(r.certificate);
      queueMicrotask(() => resultHeading?.focus());
    } catch (err) {
      setError(err instanceof ApiFailure && err.code !== 'network' ? err.message : et('offline'));
    } finally {
      setBusy(false);
    }
  }

  const locked = () => props.readOnly || passed() || triesLeft() === 0;
  return (
    <section class="card eval-assessment" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{et('a.title')}</h2>
      <Show when={props.assessment.required}>
        <p class="notice info">{et('a.required')}</p>
      </Show>
      <p class="muted">
        {et('a.rules', { pass: props.assessment.passPercent, tries: triesLeft(), max: props.assessment.maxTries })}
      </p>
      <div class="eval-result" role="status">
        <Show when={result()}>
          {(r) => (
            <>
              <h3 tabindex="-1" ref={resultHeading}>
                {et('a.score', { score: r().scorePercent })} ·{' '}
                {r().passed ? et('a.passed') : et('a.failed', { pass: props.assessment.passPercent })}
              </h3>
              <Show when={!r().passed}>
                <p>{r().triesLeft ? et('a.triesLeft', { n: r().triesLeft }) : et('a.noTries')}</p>
              </Show>
            </>
          )}
        </Show>
        <Show when={!result() && passed()}>
          <p class="eval-ok">✓ {et('a.alreadyPassed')}</p>
        </Show>
        <Show when={!result() && !passed() && triesLeft() === 0}>
          <p class="notice error">{et('a.noTries')}</p>
        </Show>
      </div>
      <Show when={props.assessment.attempts.length && !result()}>
        <p class="muted">
          {et('a.history', {
            list: props.assessment.attempts.map((a) => `${a.scorePercent}%`).join(' · '),
          })}
        </p>
      </Show>
      <form onSubmit={submit} noValidate>
        <For each={props.assessment.questions}>
          {(q, n) => (
            <fieldset class="eval-question" disabled={locked()}>
              <legend>
                {n() + 1}. {pick({ zh: q.promptZh, en: q.promptEn })}{' '}
                <span class="muted">{et(q.kind === 'single' ? 'a.single' : 'a.multiple')}</span>
              </legend>
              <For each={q.options}>
                {(o, i) => (
                  <label class="eval-option">
                    <input
                      type={q.kind === 'single' ? 'radio' : 'checkbox'}
                      name={`${id}-${q.id}`}
                      checked={(choices()[q.id] ?? []).includes(i())}
                      onChange={(e) => choose(q.id, q.kind, i(), e.currentTarget.checked)}
                    />
                    <span>{pick(o)}</span>
                  </label>
                )}
              </For>
              <SaveNote
                status={drafts.status(q.id)}
                onRetry={() => drafts.retry(q.id)}
                savedText={et('a.draftSaved')}
              />
            </fieldset>
          )}
        </For>
        <div role="alert">
          <Show when={error()}>{(m) => <p class="notice error">{m()}</p>}</Show>
        </div>
        <Show when={!locked()}>
          <button type="submit" disabled={busy()}>
            {busy() ? et('a.submitting') : et('a.submit')}
          </button>
        </Show>
      </form>
    </section>
  );
}
