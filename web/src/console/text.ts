// The console's translator: its strings live in its own dictionaries so they ship only in the console's lazy chunk.
import { areaTranslator, locale } from '../i18n';
import { consoleEn } from './i18n-en';
import { consoleZhCN } from './i18n-zh-CN';

export type ConsoleKey = keyof typeof consoleEn;
export const ct = areaTranslator<ConsoleKey>(consoleEn, consoleZhCN);

/** For keys built from API values (a status, a template id): a value the console has no words for yet shows as it is. */
export const ctOr = (key: string, fallback: string, params?: Record<string, string | number>) =>
  key in consoleEn ? ct(key as ConsoleKey, params) : fallback;

/**
 * A name set inside a Chinese sentence: nothing around a Chinese name ("将金京玉的邮件"), a space on the side of a Latin
 * one ("将 Ada Carter 的邮件"), as Chinese typesetting spaces Latin words; in English, the name as it is.
 */
export function inSentence(name: string) {
  if (locale() !== 'zh-CN') return name;
  const latin = /[A-Za-z0-9.)@]/;
  return `${latin.test(name.at(0) ?? '') ? ' ' : ''}${name}${latin.test(name.at(-1) ?? '') ? ' ' : ''}`;
}
