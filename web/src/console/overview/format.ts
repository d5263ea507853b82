// Numbers, percentages and days as the dashboard says them in the reader's language.
import { locale } from '../../i18n';

export const num = (n: number) => new Intl.NumberFormat(locale()).format(n);
export const pct = (r: number) =>
  new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(r);
export const dayLabel = (ms: number) =>
  new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(ms);
