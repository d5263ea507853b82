// The CME office's roster: Chinese (or English) headers and one row per confirmed registration, Excel-safe by toCsv.
import type { CmeSettings } from '../cme/settings';
import type { Locale } from '../http/messages';
import { isoOrNull } from '../lib/time';
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
 * The roster's clinician columns. 科室 and the CME card number come from the registration questions another
 * branch adds (answer ids `department`, `cme_number`, and `professional_title` for 职称); until they are merged,
 * 职称 falls back to the registration's job title and the others stay empty. Wire the answers in here only.
 */
export function cmeFields(r: Pick<RegRow, 'jobTitle'>): {
  department: string;
  professionalTitle: string;
  cmeNumber: string;
} {
  return { department: '', professionalTitle: r.jobTitle, cmeNumber: '' };
}

export function rosterRow(a: PersonAttendance, r: RegRow, s: CmeSettings, timezone: string, lang: Locale) {
  const f = cmeFields(r);
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
    '', // The certificate number arrives with the certificates issue.
    s.projectNumber,
    levelText(s.level, lang),
    s.creditClass === 'I' ? (lang === 'zh-CN' ? 'Ⅰ类' : 'Class I') : lang === 'zh-CN' ? 'Ⅱ类' : 'Class II',
  ];
}
