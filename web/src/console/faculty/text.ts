// The faculty board's translator: its words ship only with the console.
import { areaTranslator } from '../../i18n';
import { facultyEn } from './words-en';
import { facultyZh } from './words-zh-CN';

export type { FacultyKey } from './words-en';
export const ft = areaTranslator(facultyEn, facultyZh);
