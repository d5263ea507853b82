// The console's translator: its strings live in its own dictionaries so they ship only in the console's lazy chunk.
import { areaTranslator } from '../i18n';
import { consoleEn } from './i18n-en';
import { consoleZhCN } from './i18n-zh-CN';

export type ConsoleKey = keyof typeof consoleEn;
export const ct = areaTranslator<ConsoleKey>(consoleEn, consoleZhCN);
