// The badge page's translator: its strings ship only in the page's lazy chunk.
import { areaTranslator, type MessageKey, t as common } from '../i18n';
import { type BadgesKey, badgesEn } from './badges-en';
import { badgesZhCN } from './badges-zh-CN';

const badges = areaTranslator<BadgesKey>(badgesEn, badgesZhCN);

/** A badge page string, or one of the shared words (loading, retry, role names) of the global dictionary. */
export function t(key: BadgesKey | MessageKey, params: Record<string, string | number> = {}): string {
  return key in badgesEn ? badges(key as BadgesKey, params) : common(key as MessageKey, params);
}
