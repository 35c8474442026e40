/**
 * Which number formats show a date, and the day a serial number stands for.
 * A workbook stores a date as a number of days; only its format says it is a
 * date. A number in any other format stays a number (an ID in a numeric cell is
 * reported by the record builder, never turned into a day).
 */

/**
 * Built-in formats (ECMA-376 §18.8.30) that show a date or a time, including the
 * East Asian ids zh-CN Excel writes with no <numFmt> element of its own
 * (27 yyyy"年"m"月", 31 yyyy"年"m"月"d"日", 57 yyyy"年"m"月", …).
 */
const BUILT_IN_DATE_FORMATS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A format is a date format by its own code when it has one, else by its built-in id. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  return code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormatCode(code);
}

/**
 * A format code shows a date when its first section has a date or time letter
 * outside quoted text, escapes, fill/skip characters and bracketed codes
 * ([Red], [$-804], [DBNum1]; [h] [mm] [ss] elapsed time are kept), as openpyxl decides.
 */
export function isDateFormatCode(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"|\\.|_.|\*./g, '')
    .replace(/\[(?!h+\]|m+\]|s+\])[^\]]*\]/gi, '')
    .replace(/general/gi, '');
  const firstSection = stripped.split(';')[0] ?? '';
  return /[ymdhs]/i.test(firstSection);
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, the last day Excel shows. */
const LAST_SERIAL = 2_958_465;

/**
 * The day of a serial number as a Date at UTC midnight (the record builder reads
 * UTC), or null when the number is no day Excel would show. The time of day is
 * dropped. Serial 60 is 1900-02-29, a day that never was (Excel kept Lotus 1-2-3's
 * leap-year error), and days before it count from 1899-12-31.
 */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!(serial >= 0 && serial <= LAST_SERIAL)) return null;
  const day = Math.floor(serial + 0.5 / 86_400); // a serial a hair below midnight is that midnight
  if (date1904) return new Date(EXCEL_EPOCH_1904 + day * MS_PER_DAY);
  if (day === 60) return null;
  return new Date(EXCEL_EPOCH_1900 + (day < 60 ? day + 1 : day) * MS_PER_DAY);
}
