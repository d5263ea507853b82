// The desk's attendance words (points, sign-in and sign-out results, counters) in zh-CN and en.
import { areaTranslator } from '../i18n';

const en = {
  'point.label': 'Scanning for',
  'point.entrance': 'Event entrance (check-in)',
  'point.event': 'Whole event',
  'point.in': 'Sign in: {what}',
  'point.out': 'Sign out: {what}',
  'point.wholeEvent': 'the whole event',
  'point.banner.in': 'Signing in to {what}',
  'point.banner.out': 'Signing out of {what}',
  'point.counts': 'At {what}',
  'point.presentNow': 'Present now',
  'point.signedIn': 'Signed in',
  'point.signedOut': 'Signed out',
  'point.result.signed_in': 'Signed in',
  'point.result.signed_in_again': 'Signed in again',
  'point.result.already_signed_in': 'Already signed in',
  'point.result.signed_out': 'Signed out',
  'point.result.already_signed_out': 'Already signed out',
  'point.result.not_signed_in': 'Not signed in yet',
  'point.result.cancelled': 'Registration cancelled',
  'point.result.waitlisted': 'On the waitlist',
  'point.result.pending': 'Awaiting approval',
  'point.result.rejected': 'Registration not approved',
  'point.result.unknown_ticket': 'Ticket not found',
  'point.result.wrong_event': 'Ticket for another event',
  'point.inside': 'Time inside so far: {time}',
  'point.interval': 'This stay: {time}',
  'point.at': 'at {time}, {desk}',
  'point.atAuto': 'at {time}, automatically when the session ended',
  'point.flagged': 'Sign-out recorded without a sign-in: the organiser will see it.',
  'point.minutes': '{h} h {m} min',
  'point.minutesOnly': '{m} min',
} as const;

const zh: Record<keyof typeof en, string> = {
  'point.label': '扫码用途',
  'point.entrance': '会场入口（报到）',
  'point.event': '全场',
  'point.in': '签到：{what}',
  'point.out': '签退：{what}',
  'point.wholeEvent': '全场',
  'point.banner.in': '正在签到：{what}',
  'point.banner.out': '正在签退：{what}',
  'point.counts': '{what}',
  'point.presentNow': '当前在场',
  'point.signedIn': '已签到',
  'point.signedOut': '已签退',
  'point.result.signed_in': '签到成功',
  'point.result.signed_in_again': '再次签到成功',
  'point.result.already_signed_in': '已签到过',
  'point.result.signed_out': '签退成功',
  'point.result.already_signed_out': '已签退过',
  'point.result.not_signed_in': '尚未签到',
  'point.result.cancelled': '报名已取消',
  'point.result.waitlisted': '候补中',
  'point.result.pending': '等待审核',
  'point.result.rejected': '报名未通过审核',
  'point.result.unknown_ticket': '未找到此票',
  'point.result.wrong_event': '不是本会议的票',
  'point.inside': '累计在场：{time}',
  'point.interval': '本次在场：{time}',
  'point.at': '{time}，{desk}',
  'point.atAuto': '{time}，日程结束时自动签退',
  'point.flagged': '已记录签退，但没有签到记录：主办方会看到。',
  'point.minutes': '{h} 小时 {m} 分钟',
  'point.minutesOnly': '{m} 分钟',
};

export type PointKey = keyof typeof en;
export const pt = areaTranslator<PointKey>(en, zh);

export const duration = (minutes: number) =>
  minutes >= 60
    ? pt('point.minutes', { h: Math.floor(minutes / 60), m: minutes % 60 })
    : pt('point.minutesOnly', { m: minutes });
