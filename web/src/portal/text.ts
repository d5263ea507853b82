// The portal's translator: its strings ship only in the portal's lazy chunk.
import { areaTranslator } from '../i18n';
import { portalEn } from './portal-en';
import { portalZh } from './portal-zh-CN';

export type { PortalKey } from './portal-en';
export const pt = areaTranslator(portalEn, portalZh);
