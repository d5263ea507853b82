// The public page's translator: its strings ship only in the page's lazy chunk, not in every page's.
import { areaTranslator, type MessageKey, t as common } from '../i18n';
import { publicEn, type PublicMessageKey as Own } from './public-en';
import { publicZhCN } from './public-zh-CN';

/** A public page string, or one of the shared words (loading, retry, role and session kinds) of the global dictionary. */
export type PublicKey = Own | MessageKey;

const own = areaTranslator<Own>(publicEn, publicZhCN);

export function t(key: PublicKey, params: Record<string, string | number> = {}): string {
  return key in publicEn ? own(key as Own, params) : common(key as MessageKey, params);
}
