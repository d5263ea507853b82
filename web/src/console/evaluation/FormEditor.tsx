// The evaluation's settings: the window and who may answer, and the assessment's questions with their correct options;
// started from the default template or another event's, saved as one form.
import { createSignal, For, Index, Show } from 'solid-js';
import { locale } from '../../i18n';
import { ConfirmButton, FormError, useFailure } from '../ui';
import { copyForm, type EvalForm, type EvalQuestion, type FormAnswer, putForm } from './evaluation-api';
import { vt } from './evaluation-text';

const blankQuestion = (n: number): EvalQuestion => ({
  id: `q${Date.now().toString(36)}${n}`,
  kind: 'single',
  promptZh: '',
  promptEn: '',
  options: [
    { zh: '', en: '' },
    { zh: '', en: '' },
  ],
  correct: [0],
});

export function FormEditor(props: {
  slug: string;
  answer: FormAnswer;
  others: { slug: string; title: string }[];
  onSaved: (a: FormAnswer) => void;
}) {
  const fail = useFailure();
  const [draft, setDraft] = createSignal<EvalForm>(structuredClone(props.answer.form ?? props.answer.template));
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [saved, setSaved] = createSignal<string | null>(null);
  const [from, setFrom] = createSignal(props.others[0]?.slug ?? '');
  const patch = (p: Partial<EvalForm>) => {
    setSaved(null);
    setDraft({ ...draft(), ...p });
  };
  const assessment = () => draft().assessment;
  const patchQuestion = (i: number, p: Partial<EvalQuestion>) => {
    const a = assessment()!;
    patch({ assessment: { ...a, questions: a.questions.map((q, k) => (k === i ? { ...q, ...p } : q)) } });
  };
  const teachers = () => props.answer.targets.filter((t) => t.kind === 'person').length;
  const items = () => props.answer.targets.filter((t) => t.kind === 'item').length;
  const fieldError = (path: string) => fields()[path];

  async function run(work: () => Promise<FormAnswer>, done: string) {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const a = await work();
      setDraft(structuredClone(a.form ?? a.template));
      props.onSaved(a);
      setSaved(done);
    } catch (e) {
      setError(fail(e));
      const f = (e as { fields?: Record<string, string> }).fields;
      if (f) setFields(f);
      throw e;
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card eval-form" aria-labelledby="eval-form-title">
      <h3 id="eval-form-title">{vt('form.title')}</h3>
      <Show when={!props.answer.form}>
        <p class="notice info">{vt('form.none')}</p>
      </Show>
      <div class="eval-form-start">
        <ConfirmButton
          label={vt('form.template')}
          title={vt('form.templateTitle')}
          body={vt('form.templateBody')}
          confirm={vt('form.templateConfirm')}
          busy={vt('sp.sending')}
          onConfirm={() => run(() => copyForm(props.slug, null), vt('form.copied'))}
        />
        <Show when={props.others.length} fallback={<span class="muted">{vt('form.noOther')}</span>}>
          <label class="eval-inline">
            {vt('form.copyFrom')}{' '}
            <select value={from()} onChange={(e) => setFrom(e.currentTarget.value)}>
              <For each={props.others}>{(o) => <option value={o.slug}>{o.title}</option>}</For>
            </select>
          </label>
          <button
            type="button"
            class="secondary"
            disabled={busy()}
            onClick={() => void run(() => copyForm(props.slug, from()), vt('form.copied')).catch(() => {})}
          >
            {vt('form.copy')}
          </button>
        </Show>
      </div>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => putForm(props.slug, draft()), vt('form.saved')).catch(() => {});
        }}
      >
        <p class="muted">{vt('form.targets', { n: items(), p: teachers() })}</p>
        <fieldset>
          <legend>{vt('form.window')}</legend>
          <label>
            {vt('form.opensOn')}
            <select
              value={draft().opensOn}
              onChange={(e) => patch({ opensOn: e.currentTarget.value as EvalForm['opensOn'] })}
            >
              <option value="sign_out">{vt('form.opensOn.sign_out')}</option>
              <option value="event_end">{vt('form.opensOn.event_end')}</option>
            </select>
          </label>
          <label>
            {vt('form.closesAfterDays')}
            <input
              type="number"
              min="0"
              max="90"
              value={draft().closesAfterDays}
              onInput={(e) => patch({ closesAfterDays: Number(e.currentTarget.value) || 0 })}
            />
          </label>
          <label>
            {vt('form.audience')}
            <select
              value={draft().audience}
              onChange={(e) => patch({ audience: e.currentTarget.value as EvalForm['audience'] })}
            >
              <option value="attended">{vt('form.audience.attended')}</option>
              <option value="everyone">{vt('form.audience.everyone')}</option>
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{vt('form.assessment')}</legend>
          <label class="check">
            <input
              type="checkbox"
              checked={!!assessment()}
              onChange={(e) =>
                patch({
                  assessment: e.currentTarget.checked
                    ? (props.answer.form?.assessment ??
                      props.answer.template.assessment ?? {
                        passPercent: 80,
                        maxTries: 3,
                        questions: [blankQuestion(0)],
                      })
                    : null,
                })
              }
            />{' '}
            {vt('form.withAssessment')}
          </label>
          <Show when={assessment()}>
            {(a) => (
              <>
                <p class="muted">{props.answer.assessmentRequired ? vt('form.isRequired') : vt('form.required')}</p>
                <div class="eval-pair">
                  <label>
                    {vt('form.passPercent')}
                    <input
                      type="number"
                      min="0"
                      max="100"
                      value={a().passPercent}
                      onInput={(e) =>
                        patch({ assessment: { ...a(), passPercent: Number(e.currentTarget.value) || 0 } })
                      }
                    />
                  </label>
                  <label>
                    {vt('form.maxTries')}
                    <input
                      type="number"
                      min="1"
                      max="10"
                      value={a().maxTries}
                      onInput={(e) => patch({ assessment: { ...a(), maxTries: Number(e.currentTarget.value) || 1 } })}
                    />
                  </label>
                </div>
                <Index each={a().questions}>
                  {(q, i) => (
                    <QuestionEditor
                      n={i + 1}
                      q={q()}
                      error={(k) => fieldError(`assessment.questions.${i}.${k}`)}
                      onChange={(p) => patchQuestion(i, p)}
                      onRemove={
                        a().questions.length > 1
                          ? () => patch({ assessment: { ...a(), questions: a().questions.filter((_, k) => k !== i) } })
                          : undefined
                      }
                    />
                  )}
                </Index>
                <button
                  type="button"
                  class="secondary"
                  onClick={() =>
                    patch({
                      assessment: { ...a(), questions: [...a().questions, blankQuestion(a().questions.length)] },
                    })
                  }
                >
                  {vt('form.addQuestion')}
                </button>
              </>
            )}
          </Show>
        </fieldset>
        <FormError error={error()} />
        <div class="form-actions">
          <button type="submit" disabled={busy()}>
            {vt('form.save')}
          </button>
          <span role="status" class="eval-saved">
            {saved() ?? ''}
          </span>
        </div>
      </form>
    </section>
  );
}

function QuestionEditor(props: {
  n: number;
  q: EvalQuestion;
  error: (k: string) => string | undefined;
  onChange: (p: Partial<EvalQuestion>) => void;
  onRemove?: () => void;
}) {
  const setOption = (i: number, k: 'zh' | 'en', v: string) =>
    props.onChange({ options: props.q.options.map((o, j) => (j === i ? { ...o, [k]: v } : o)) });
  const toggleCorrect = (i: number, on: boolean) =>
    props.onChange({
      correct:
        props.q.kind === 'single'
          ? [i]
          : on
            ? [...new Set([...props.q.correct, i])].sort()
            : props.q.correct.filter((c) => c !== i),
    });
  const removeOption = (i: number) =>
    props.onChange({
      options: props.q.options.filter((_, j) => j !== i),
      correct: props.q.correct.filter((c) => c !== i).map((c) => (c > i ? c - 1 : c)),
    });
  const err = (k: string) => props.error(k);
  return (
    <fieldset class="eval-q-edit">
      <legend>{vt('form.question', { n: props.n })}</legend>
      <label>
        {vt('form.promptZh')}
        <input
          lang="zh-CN"
          value={props.q.promptZh}
          aria-invalid={err('promptZh') ? 'true' : undefined}
          onInput={(e) => props.onChange({ promptZh: e.currentTarget.value })}
        />
      </label>
      <label>
        {vt('form.promptEn')}
        <input
          lang="en"
          value={props.q.promptEn}
          aria-invalid={err('promptEn') ? 'true' : undefined}
          onInput={(e) => props.onChange({ promptEn: e.currentTarget.value })}
        />
      </label>
      <label>
        {vt('form.kind')}
        <select
          value={props.q.kind}
          onChange={(e) => {
            const kind = e.currentTarget.value as EvalQuestion['kind'];
            props.onChange({ kind, correct: kind === 'single' ? props.q.correct.slice(0, 1) : props.q.correct });
          }}
        >
          <option value="single">{vt('form.kind.single')}</option>
          <option value="multiple">{vt('form.kind.multiple')}</option>
        </select>
      </label>
      <Index each={props.q.options}>
        {(o, i) => (
          <div class="eval-option-edit" role="group" aria-label={vt('form.option', { n: i + 1 })}>
            <input
              lang="zh-CN"
              aria-label={vt('form.optionZh', { n: i + 1 })}
              placeholder={vt('form.optionZh', { n: i + 1 })}
              value={o().zh}
              onInput={(e) => setOption(i, 'zh', e.currentTarget.value)}
            />
            <input
              lang="en"
              aria-label={vt('form.optionEn', { n: i + 1 })}
              placeholder={vt('form.optionEn', { n: i + 1 })}
              value={o().en}
              onInput={(e) => setOption(i, 'en', e.currentTarget.value)}
            />
            <label class="check">
              <input
                type={props.q.kind === 'single' ? 'radio' : 'checkbox'}
                name={`correct-${props.q.id}`}
                checked={props.q.correct.includes(i)}
                onChange={(e) => toggleCorrect(i, e.currentTarget.checked)}
              />{' '}
              {vt('form.correct')}
            </label>
            <Show when={props.q.options.length > 2}>
              <button type="button" class="secondary small" onClick={() => removeOption(i)}>
                {vt('form.removeOption', { n: i + 1 })}
              </button>
            </Show>
          </div>
        )}
      </Index>
      <Show when={err('correct') ?? err('options')}>{(m) => <p class="field-error">{m()}</p>}</Show>
      <div class="eval-q-actions">
        <Show when={props.q.options.length < 10}>
          <button
            type="button"
            class="secondary small"
            onClick={() => props.onChange({ options: [...props.q.options, { zh: '', en: '' }] })}
          >
            {vt('form.addOption')}
          </button>
        </Show>
        <Show when={props.onRemove}>
          <button type="button" class="danger-outline small" onClick={() => props.onRemove?.()}>
            {vt('form.removeQuestion', { n: props.n })}
          </button>
        </Show>
      </div>
    </fieldset>
  );
}

/** The reader's title of an event summary. */
export const eventTitle = (e: { title: { zh: string; en: string } }) =>
  locale() === 'zh-CN' ? e.title.zh || e.title.en : e.title.en || e.title.zh;
