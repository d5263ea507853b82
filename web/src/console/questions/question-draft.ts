// One question as the editor holds it (plain strings for its fields), and how it becomes what the API takes.
import type { ConsoleEvent } from '../console-api';

type Question = ConsoleEvent['questions'][number];
export type QuestionType = Question['type'];

export type Draft = {
  key: number;
  id: string;
  type: QuestionType;
  labelZh: string;
  labelEn: string;
  helpZh: string;
  helpEn: string;
  required: boolean;
  desk: boolean;
  sensitive: boolean;
  options: string;
  pattern: string;
  showIfId: string;
  showIfEquals: string;
};

let keys = 0;
export function toDraft(q: Question): Draft {
  return {
    key: ++keys,
    id: q.id,
    type: q.type,
    labelZh: q.label.zh,
    labelEn: q.label.en,
    helpZh: q.help?.zh ?? '',
    helpEn: q.help?.en ?? '',
    required: q.required,
    desk: !!q.desk,
    sensitive: !!q.sensitive,
    options: (q.options ?? []).map((o) => `${o.value} | ${o.label.zh} | ${o.label.en}`).join('\n'),
    pattern: q.pattern ?? '',
    showIfId: q.showIf?.questionId ?? '',
    showIfEquals: q.showIf === undefined ? '' : String(q.showIf.equals),
  };
}

/** The editor's draft as the API takes it; a yes/no condition's value becomes a boolean. */
export function fromDraft(d: Draft, all: Draft[]) {
  const choice = d.type === 'single_choice' || d.type === 'multiple_choice';
  const target = all.find((x) => x.id === d.showIfId);
  const equals = target?.type === 'yes_no' ? /^(true|yes|是|1)$/i.test(d.showIfEquals.trim()) : d.showIfEquals.trim();
  return {
    id: d.id.trim(),
    type: d.type,
    label: { zh: d.labelZh.trim(), en: d.labelEn.trim() },
    ...(d.helpZh.trim() || d.helpEn.trim() ? { help: { zh: d.helpZh.trim(), en: d.helpEn.trim() } } : {}),
    required: d.required,
    ...(d.desk ? { desk: true } : {}),
    ...(d.sensitive ? { sensitive: true } : {}),
    ...(choice
      ? {
          options: d.options
            .split('\n')
            .map((line) => line.split('|').map((s) => s.trim()))
            .filter((p) => p[0])
            .map(([value, zh, en]) => ({ value: value!, label: { zh: zh || en || value!, en: en || zh || value! } })),
        }
      : {}),
    ...(d.type === 'pattern' ? { pattern: d.pattern } : {}),
    ...(d.showIfId && target ? { showIf: { questionId: d.showIfId, equals } } : {}),
  };
}
