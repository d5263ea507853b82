// The staff sign-in page's translator: its strings ship only in the page's lazy chunk.
import { areaTranslator } from '../i18n';
import { type SignInKey, signinEn } from './signin-en';
import { signinZhCN } from './signin-zh-CN';

export type { SignInKey };
export const t = areaTranslator<SignInKey>(signinEn, signinZhCN);
