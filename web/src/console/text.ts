// The console's translator: its strings live in its own dictionaries so they ship only in the console's lazy chunk.
import { areaTranslator } from '../i18n';
import { consoleEn } from './i18n-en';
import { consoleZhCN } from './i18n-zh-CN';

export type ConsoleKey = keyof typeof consoleEn;
export const ct = areaTranslator<ConsoleKey>(consoleEn, consoleZhCN);

/** For keys built from API values (a status, a template id): a value the console has no words for yet shows as it is. */
export const ctOr = (key: string, fallback: string, params?: Record<string, string | number>) =>
  key in consoleEn ? ct(key as ConsoleKey, params) : fallback;
