// The attendee list as an Excel-friendly CSV: UTF-8 with a BOM (so Chinese opens intact) and formula cells neutralised.
import { stringify } from 'csv-stringify/sync';

/** Whether neutralise has anything to do: one test per cell, as most cells (names, dates, codes) have nothing. */
const FORMULA = /^[=+\-@\t\r]|[;,\t][=+\-@]/;

/**
 * A cell Excel would run as a formula (= + - @, or a leading tab/CR) is prefixed with an apostrophe, and so is
 * every formula start after a separator inside the cell (; in locales that use it, comma, tab): a program that
 * splits the cell there still finds no formula.
 */
export const neutralise = (cell: string) =>
  FORMULA.test(cell) ? (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell).replace(/([;,\t])([=+\-@])/g, "$1'$2") : cell;

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
