// The attendee CSV's words in the organiser's language: headers, statuses, roles and desk names (codes stay in their own columns).
import type { Locale } from '../http/messages';

export const CSV_HEADERS: Record<Locale, string[]> = {
  'zh-CN': [
    '姓名',
    '邮箱',
    '电话',
    '单位',
    '职务',
    '状态',
    '身份',
    '报名时间',
    '签到时间',
    '签到台',
    '状态代码',
    '身份代码',
  ],
  en: [
    'Name',
    'Email',
    'Phone',
    'Institution',
    'Job title',
    'Status',
    'Role',
    'Registered',
    'Checked in',
    'Desk',
    'Status code',
    'Role code',
  ],
};

const STATUS: Record<Locale, Record<string, string>> = {
  'zh-CN': { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消', pending: '待审核', rejected: '未通过' },
  en: {
    confirmed: 'Confirmed',
    waitlisted: 'Waitlisted',
    cancelled: 'Cancelled',
    pending: 'Awaiting approval',
    rejected: 'Not approved',
  },
};

const ROLE: Record<Locale, Record<string, string>> = {
  'zh-CN': { attendee: '参会者', speaker: '主讲', guest: '嘉宾', staff: '工作人员' },
  en: { attendee: 'Attendee', speaker: 'Speaker', guest: 'Guest', staff: 'Staff' },
};

export const statusText = (status: string, locale: Locale) => STATUS[locale][status] ?? status;
export const roleText = (role: string, locale: Locale) => ROLE[locale][role] ?? role;

/** Desks are stored as "Desk 3" (what the desk's picker sends); people read "3号签到台" or "Desk 3". */
export function deskText(deskId: string | null, locale: Locale): string | null {
  if (deskId === null) return null;
  const n = /^Desk (\d+)$/.exec(deskId)?.[1];
  if (!n) return deskId;
  return locale === 'zh-CN' ? `${n}号签到台` : `Desk ${n}`;
}
