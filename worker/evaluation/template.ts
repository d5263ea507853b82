// The default evaluation and assessment an organiser starts from: the usual window, and a short generic assessment.
import type { Form } from './input';

/** Questions every CME activity can ask; the organiser replaces them with ones about the content. */
export const DEFAULT_FORM: Form = {
  opensOn: 'sign_out',
  closesAfterDays: 7,
  audience: 'attended',
  assessment: {
    passPercent: 80,
    maxTries: 3,
    questions: [
      {
        id: 'q1',
        kind: 'single',
        promptZh: '获得本项目学分需要满足哪项要求？',
        promptEn: 'What does this project require for credit?',
        options: [
          {
            zh: '在授学分的日程签到并签退，且考核合格',
            en: 'Signing in and out of the accredited items, and passing the assessment',
          },
          { zh: '只需报名', en: 'Registering only' },
          { zh: '只需在会场签到一次', en: 'Signing in once at the venue' },
        ],
        correct: [0],
      },
      {
        id: 'q2',
        kind: 'multiple',
        promptZh: '本次评价请您为哪些方面打分？（多选）',
        promptEn: 'Which aspects does this evaluation ask you to rate? (choose all that apply)',
        options: [
          { zh: '内容', en: 'Content' },
          { zh: '表达', en: 'Delivery' },
          { zh: '实用性', en: 'Relevance' },
          { zh: '讲者的单位', en: "The speaker's institution" },
        ],
        correct: [0, 1, 2],
      },
    ],
  },
};
