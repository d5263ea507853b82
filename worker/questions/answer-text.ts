// An answer as words: what the console, desk, CSV, badges and emails show. Apart from the answers' rules
// (answers.ts), so the registration form's check, which the event page ships, does not carry it.
import type { AnswerValue } from './answers';
import type { Question } from './types';

type Locale = 'zh-CN' | 'en';

/** An answer as text for a person to read (CSV cell, desk line, badge, email placeholder), in their language. */
export function answerText(q: Question | undefined, v: AnswerValue | undefined, locale: Locale): string {
  if (v === undefined || v === null) return '';
  const label = (value: string) => {
    const o = q?.options?.find((x) => x.value === value);
    return o ? (locale === 'zh-CN' ? o.label.zh || o.label.en : o.label.en || o.label.zh) : value;
  };
  if (typeof v === 'boolean') return locale === 'zh-CN' ? (v ? '是' : '否') : v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.map(label).join(locale === 'zh-CN' ? '、' : ', ');
  if (q?.type === 'single_choice') return label(String(v));
  return String(v);
}
