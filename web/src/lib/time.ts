// Shows API times (ISO-8601 with offset) as wall-clock times in the event's zone, in the reader's language.
import type { Locale } from '../i18n';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: Locale, timeZone: string, opts: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${timeZone}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, ...opts })));
  return f;
}

export const formatTime = (iso: string, tz: string, locale: Locale) =>
  fmt(locale, tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

export const formatDate = (iso: string, tz: string, locale: Locale) =>
  fmt(locale, tz, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(new Date(iso));

/** A day without its weekday, for lists: "2026年12月29日", "Dec 29, 2026". */
export const formatShortDate = (iso: string, tz: string, locale: Locale) =>
  fmt(locale, tz, { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(iso));

export const formatDateTime = (iso: string, tz: string, locale: Locale) =>
  fmt(locale, tz, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

/** Whether two instants fall on the same calendar day in the event's zone. */
export const sameDay = (a: string, b: string, tz: string) =>
  fmt('en', tz, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(a)) ===
  fmt('en', tz, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(b));

/** The event's zone as readers know it: "北京" / "Beijing" for Asia/Shanghai, else the IANA name. */
export const zoneLabel = (tz: string, locale: Locale) =>
  tz === 'Asia/Shanghai' ? (locale === 'zh-CN' ? '北京' : 'Beijing') : tz;
