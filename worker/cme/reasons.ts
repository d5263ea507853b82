// Eligibility reasons in words, in the organiser's language (zh-CN or en).
import type { Locale } from '../http/messages';
import type { Item, Reason } from './credits';

type Titles = ReadonlyMap<string, Pick<Item, 'titleZh' | 'titleEn'>>;

export function reasonText(r: Reason, locale: Locale, titles: Titles): string {
  const zh = locale === 'zh-CN';
  const item = (id: string | null) => {
    if (!id) return zh ? '全场' : 'the event';
    const t = titles.get(id);
    return t ? (zh ? `《${t.titleZh}》` : `“${t.titleEn}”`) : id;
  };
  switch (r.code) {
    case 'not_signed_in':
      return zh ? '未签到' : 'not signed in';
    case 'no_sign_out':
      return zh ? `${item(r.itemId)}未签退` : `no sign-out at ${item(r.itemId)}`;
    case 'sign_out_without_sign_in':
      return zh ? `${item(r.itemId)}有签退但无签到` : `signed out of ${item(r.itemId)} without signing in`;
    case 'arrived_late':
      return zh ? `${item(r.itemId)}迟到 ${r.minutes} 分钟` : `arrived ${r.minutes} minutes late at ${item(r.itemId)}`;
    case 'left_early':
      return zh ? `${item(r.itemId)}提前 ${r.minutes} 分钟离开` : `left ${item(r.itemId)} ${r.minutes} minutes early`;
    case 'away':
      return zh ? `${item(r.itemId)}中途离开 ${r.minutes} 分钟` : `away ${r.minutes} minutes during ${item(r.itemId)}`;
    case 'absent':
      return zh
        ? `${item(r.itemId)}未在场（${r.minutes} 分钟）`
        : `absent from ${item(r.itemId)} (${r.minutes} minutes)`;
    case 'assessment_not_passed':
      return zh ? '考核未通过' : 'assessment not passed';
    case 'assessment_not_taken':
      return zh ? '未参加考核' : 'assessment not taken';
    case 'present':
      return zh
        ? `在场 ${r.minutes}/${r.of} 分钟（${r.percent}%）`
        : `present ${r.minutes} of ${r.of} minutes (${r.percent} %)`;
  }
}

export const reasonsText = (rs: readonly Reason[], locale: Locale, titles: Titles) =>
  rs.map((r) => reasonText(r, locale, titles)).join(locale === 'zh-CN' ? '；' : '; ');
