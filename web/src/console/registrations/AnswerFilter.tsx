// Filter registrations by one answer: pick a question, then a choice (for choice and yes/no questions) or some text.
import { Show } from 'solid-js';
import { answerText } from '../../../../worker/questions/answer-text';
import { locale } from '../../i18n';
import type { RegistrationPage } from '../console-api';
import { ct } from '../text';
import { Field } from '../ui';
import type { Filters } from './filters';

export type ListedQuestion = RegistrationPage['questions'][number];

/** A question's words in the organiser's language, the other language when that one is empty. */
export const questionLabel = (q: ListedQuestion) =>
  locale() === 'zh-CN' ? q.label.zh || q.label.en : q.label.en || q.label.zh;

export function AnswerFilter(props: { filters: Filters; questions: ListedQuestion[] }) {
  const f = () => props.filters.f;
  // Sensitive answers cannot be filtered on: the server refuses, as a filter would read them back letter by letter.
  const usable = () => props.questions.filter((q) => !q.removed && !q.sensitive);
  const chosen = () => usable().find((q) => q.id === f().question);
  const choices = () => {
    const q = chosen();
    if (!q) return null;
    if (q.type === 'yes_no') return [true, false].map((v) => ({ value: String(v), label: answerText(q, v, locale()) }));
    if (q.type === 'single_choice' || q.type === 'multiple_choice')
      return (q.options ?? []).map((o) => ({ value: o.value, label: answerText(q, o.value, locale()) }));
    return null;
  };
  return (
    <Show when={usable().length}>
      <Field
        label={ct('regs.byQuestion')}
        name="question"
        value={f().question}
        options={[
          { value: '', label: ct('regs.anyQuestion') },
          ...usable().map((q) => ({ value: q.id, label: questionLabel(q) })),
        ]}
        onInput={(x) => props.filters.byQuestion(x)}
      />
      <Show when={chosen()}>
        <Show
          when={choices()}
          fallback={
            <Field
              label={ct('regs.answer')}
              name="answer"
              type="search"
              value={f().answerTyped}
              hint={ct('regs.answerHint')}
              onInput={(x) => props.filters.typeAnswer(x)}
            />
          }
        >
          {(options) => (
            <Field
              label={ct('regs.answer')}
              name="answer"
              value={f().answer}
              options={[{ value: '', label: ct('regs.all') }, ...options()]}
              onInput={(x) => props.filters.pickAnswer(x)}
            />
          )}
        </Show>
      </Show>
    </Show>
  );
}
