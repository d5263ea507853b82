// The clinical meeting preset: the fields a CME office's roster asks for (科室, 职称, 执业类别, CME card number).
// The ids are fixed: the attendance and CME roster read answers by them.
import type { Question } from './model';

const option = (value: string, zh: string, en: string) => ({ value, label: { zh, en } });

export const CLINICAL_PRESET: Question[] = [
  {
    id: 'department',
    type: 'short_text',
    label: { zh: '科室', en: 'Department' },
    help: { zh: '例如：心血管内科', en: 'For example: Cardiology' },
    required: true,
    desk: true,
  },
  {
    id: 'professional_title',
    type: 'single_choice',
    label: { zh: '职称', en: 'Professional title' },
    required: true,
    options: [
      option('chief_physician', '主任医师', 'Chief physician'),
      option('associate_chief_physician', '副主任医师', 'Associate chief physician'),
      option('attending_physician', '主治医师', 'Attending physician'),
      option('resident_physician', '住院医师', 'Resident physician'),
      option('chief_nurse', '主任/副主任护师', 'Chief or associate chief nurse'),
      option('nurse_in_charge', '主管护师', 'Nurse in charge'),
      option('nurse', '护师', 'Nurse'),
      option('researcher', '研究员', 'Researcher'),
      option('medical_student', '医学生', 'Medical student'),
      option('other', '其他', 'Other'),
    ],
  },
  {
    id: 'practice_category',
    type: 'single_choice',
    label: { zh: '执业类别', en: 'Practice category' },
    required: false,
    options: [
      option('clinical', '临床', 'Clinical medicine'),
      option('tcm', '中医', 'Traditional Chinese medicine'),
      option('dental', '口腔', 'Dentistry'),
      option('public_health', '公共卫生', 'Public health'),
      option('nursing', '护理', 'Nursing'),
      option('pharmacy', '药学', 'Pharmacy'),
      option('medical_technology', '医技', 'Medical technology'),
      option('other', '其他', 'Other'),
    ],
  },
  {
    id: 'cme_number',
    type: 'short_text',
    label: { zh: '继续医学教育卡号', en: 'CME card number' },
    help: {
      zh: '用于向继续医学教育管理部门申报学分',
      en: 'Used to report your credits to the CME office',
    },
    required: false,
  },
];

/** The list with the preset's questions added after the organiser's own, skipping ids it already has. */
export function withClinicalPreset(current: Question[]): Question[] {
  const active = current.filter((q) => !q.removed);
  const have = new Set(active.map((q) => q.id));
  return [...active, ...CLINICAL_PRESET.filter((q) => !have.has(q.id))];
}
