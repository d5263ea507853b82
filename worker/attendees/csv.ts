// The attendee list as an Excel-friendly CSV: UTF-8 with a BOM (so Chinese opens intact) and formula cells neutralised.
import { stringify } from 'csv-stringify/sync';

/** Excel runs a cell that starts with = + - @ (or a tab or CR) as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** The same start after a separator inside the cell (; in locales that use it, comma, tab). */
const FORMULA_AFTER_SEPARATOR = /([;,\t])([=+\-@])/g;
/** Either of the two, in one test: most cells (names, dates, codes) have neither, and are returned as they are. */
const ANY_FORMULA = new RegExp(`${FORMULA_START.source}|${FORMULA_AFTER_SEPARATOR.source}`);

/**
 * A cell Excel would run as a formula is prefixed with an apostrophe, and so is every formula start after a
 * separator inside the cell: a program that splits the cell there still finds no formula.
 */
export const neutralise = (cell: string) =>
  ANY_FORMULA.test(cell)
    ? (FORMULA_START.test(cell) ? `'${cell}` : cell).replace(FORMULA_AFTER_SEPARATOR, "$1'$2")
    : cell;

/** Cells quoted whatever the reader's separator: `;` (Excel in many locales), comma, quote, tab or line break. */
const MUST_QUOTE = /[;,"\t\r\n]/;

/**
 * CSV text for these rows. With a header it is a file's start (BOM, then the header row); without one it is a
 * later page of the same file, to be appended as it is.
 */
export function toCsv(header: string[] | null, rows: (string | number | null)[][]): string {
  const cells = rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : neutralise(v))));
  const body = stringify(header ? [header, ...cells] : cells, { record_delimiter: '\r\n', quoted_match: MUST_QUOTE });
  return header ? `\uFEFF${body}` : body;
}
