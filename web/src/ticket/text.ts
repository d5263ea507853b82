// The ticket page's translator: its strings ship only in the page's lazy chunk, not in every page's.
import { areaWithShared, type MessageKey } from '../i18n';
import { ticketEn, type TicketMessageKey } from './ticket-en';
import { ticketZhCN } from './ticket-zh-CN';

/** A ticket page string, or one of the shared words (loading, retry, role and session kinds) of the global dictionary. */
export type TicketKey = TicketMessageKey | MessageKey;

export const t = areaWithShared<TicketMessageKey>(ticketEn, ticketZhCN);
