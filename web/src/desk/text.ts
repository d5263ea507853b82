// The front desk's translator: its strings ship only in the desk's chunk, not in every page's.
import { areaTranslator, type MessageKey, t as common } from '../i18n';
import { deskEn } from '../i18n/desk-en';
import { deskZhCN } from '../i18n/desk-zh-CN';

/** A desk string, or one of the few shared words (loading, retry, role names) the global dictionary already has. */
export type DeskKey = keyof typeof deskEn | MessageKey;

const desk = areaTranslator<keyof typeof deskEn>(deskEn, deskZhCN);

export function t(key: DeskKey, params: Record<string, string | number> = {}): string {
  return key in deskEn ? desk(key as keyof typeof deskEn, params) : common(key as MessageKey, params);
}
