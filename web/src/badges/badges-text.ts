// The badge page's translator: its strings ship only in the page's lazy chunk.
import { areaWithShared } from '../i18n';
import { type BadgesKey, badgesEn } from './badges-en';
import { badgesZhCN } from './badges-zh-CN';

/** A badge page string, or one of the shared words (loading, retry, role names) of the global dictionary. */
export const t = areaWithShared<BadgesKey>(badgesEn, badgesZhCN);
