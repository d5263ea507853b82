// The pairing page's translator: its strings ship only in the page's lazy chunk.
import { areaTranslator } from '../i18n';
import { type PairKey, pairEn } from './pair-en';
import { pairZhCN } from './pair-zh-CN';

export type { PairKey };
export const t = areaTranslator<PairKey>(pairEn, pairZhCN);
