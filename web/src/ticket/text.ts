// The ticket page's translator: its strings ship only in the page's lazy chunk, not in every page's.
import { areaTranslator, type MessageKey, t as common } from '../i18n';
import { ticketEn, type TicketMessageKey as Own } from './ticket-en';
import { ticketZhCN } from './ticket-zh-CN';

/** A ticket page string, or one of the shared words (loading, retry, role and session kinds) of the global dictionary. */
export type TicketKey = Own | MessageKey;

const own = areaTranslator<Own>(ticketEn, ticketZhCN);

export function t(key: TicketKey, params: Record<string, string | number> = {}): string {
  return key in ticketEn ? own(key as Own, params) : common(key as MessageKey, params);
}
