// The CME office's roster: Chinese (or English) headers and one row per confirmed registration, Excel-safe by toCsv.
import type { CmeSettings } from '../cme/settings';
import type { Locale } from '../http/messages';
import { isoOrNull } from '../lib/time';
import { rosterAnswers } from '../questions/export';
import type { PersonAttendance, RegRow } from './report';

export const ROSTER_HEADERS: Record<Locale, string[]> = {
  'zh-CN': [
    '姓名',
    '单位',
    '科室',
    '职称',
    '学分卡号',
    '签到时间',
    '签退时间',
    '在场分钟',
    '学分',
    '授课学分',
    '是否合格',
    '说明',
    '证书编号',
    '项目编号',
    '项目级别',
    '学分类别',
  ],
  en: [
    'Name',
    'Institution',
    'Department',
    'Professional title',
    'CME card number',
    'Signed in',
    'Signed out',
    'Minutes present',
    'Credits',
    'Lecturer credits',
    'Eligible',
    'Reason',
    'Certificate number',
    'Project number',
    'Project level',
    'Credit class',
  ],
};

const LEVELS: Record<Locale, Record<CmeSettings['level'], string>> = {
  'zh-CN': { national: '国家级', provincial: '省级', municipal: '市级', hospital: '院级' },
  en: { national: 'National', provincial: 'Provincial', municipal: 'Municipal', hospital: 'Hospital' },
};
export const levelText = (level: CmeSettings['level'], lang: Locale) => LEVELS[lang][level];

/**
 * The roster's clinician columns, from the clinical preset's registration questions (ids `department`,
 * `professional_title`, `cme_number`). The CME office needs the card number as written, so this is the one export
 * that reads answers unmasked (rosterAnswers), behind the organisers-only roster route. Without a 职称 answer, the
 * registration's job title stands in.
 */
export function cmeFields(
  r: Pick<RegRow, 'jobTitle' | 'answers'>,
  questionsJson: string | null,
  lang: Locale,
): { department: string; professionalTitle: string; cmeNumber: string } {
  const a = rosterAnswers(questionsJson, r.answers, lang);
  return {
    department: a.department ?? '',
    professionalTitle: a.professional_title || r.jobTitle,
    cmeNumber: a.cme_number ?? '',
  };
}

export function rosterRow(
  a: PersonAttendance,
  r: RegRow,
  s: CmeSettings,
  questionsJson: string | null,
  timezone: string,
  lang: Locale,
  certificateNumber = '',
) {
  const f = cmeFields(r, questionsJson, lang);
  const time = (ms: number | null) => (isoOrNull(ms, timezone) ?? '').slice(0, 16).replace('T', ' ');
  const yes = lang === 'zh-CN' ? (a.eligible ? '合格' : '不合格') : a.eligible ? 'yes' : 'no';
  const why = a.override ? `${lang === 'zh-CN' ? '人工调整：' : 'override: '}${a.override.reason}` : a.reason;
  return [
    a.name,
    a.affiliation,
    f.department,
    f.professionalTitle,
    f.cmeNumber,
    time(a.firstIn),
    time(a.lastOut),
    a.minutes,
    a.credits,
    a.lecturerCredits,
    yes,
    why,
    certificateNumber,
    s.projectNumber,
    levelText(s.level, lang),
    s.creditClass === 'I' ? (lang === 'zh-CN' ? 'Ⅰ类' : 'Class I') : lang === 'zh-CN' ? 'Ⅱ类' : 'Class II',
  ];
}
