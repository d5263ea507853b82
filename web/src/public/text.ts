// The public page's translator: its strings ship only in the page's lazy chunk, not in every page's.
import { areaWithShared, type MessageKey } from '../i18n';
import { publicEn, type PublicMessageKey } from './public-en';
import { publicZhCN } from './public-zh-CN';

/** A public page string, or one of the shared words (loading, retry, role and session kinds) of the global dictionary. */
export type PublicKey = PublicMessageKey | MessageKey;

export const t = areaWithShared<PublicMessageKey>(publicEn, publicZhCN);
