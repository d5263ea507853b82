// The attendee list as an Excel-friendly CSV: UTF-8 with a BOM (so Chinese opens intact) and formula cells neutralised.
import { stringify } from 'csv-stringify/sync';

/** A cell Excel would run as a formula (= + - @, or a leading tab/CR) is prefixed with an apostrophe. */
export const neutralise = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const body = stringify([header, ...rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : neutralise(v))))], { record_delimiter: '\r\n' });
  return `\uFEFF${body}`;
}
