// The front desk's translator: its strings ship only in the desk's chunk, not in every page's.
import { areaWithShared, type MessageKey } from '../i18n';
import { deskEn } from '../i18n/desk-en';
import { deskZhCN } from '../i18n/desk-zh-CN';

/** A desk string, or one of the few shared words (loading, retry, role names) the global dictionary already has. */
export type DeskKey = keyof typeof deskEn | MessageKey;

export const t = areaWithShared<keyof typeof deskEn>(deskEn, deskZhCN);
