import { isRealDate, toDayNumber } from '../domain/index.js';

// SPEC §2 "Dates": 2014-03-05, 2014/3/5, 2014.03.05, 20140305, 2014年3月5日, and
// real spreadsheet date cells. Anything else is a row-level problem, not a crash.

/** A day as yyyymmdd; 0 when the cell is empty; INVALID_DATE when it cannot be read. */
export const INVALID_DATE = -1;

const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
/** Database exports often append a midnight time; it is dropped (docs/DECISIONS.md). */
const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;

export function parseDateText(raw: string): number {
  const iso = parseIsoFast(raw);
  if (iso > 0) return iso;
  let text = raw.trim();
  if (text === '') return 0;
  if (!/^[\d\-/.年月日 :T]+$/.test(text)) text = text.normalize('NFKC').trim();
  text = text.replace(TIME_SUFFIX, '');
  const m = SEPARATED.exec(text);
  if (m) return dayOrInvalid(m[1]!, m[3]!, m[4]!);
  const c = COMPACT.exec(text) ?? CHINESE.exec(text);
  if (c) return dayOrInvalid(c[1]!, c[2]!, c[3]!);
  return INVALID_DATE;
}

/**
 * A date cell from a workbook. exceljs turns the serial day number into a Date at
 * UTC midnight, so the calendar day is read in UTC whatever the machine's zone.
 */
export function parseDateCell(cell: Date): number {
  if (Number.isNaN(cell.getTime())) return INVALID_DATE;
  const day = toDayNumber(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  return day >= 19000101 ? day : INVALID_DATE;
}

/** 2014-03-05 exactly, without a regular expression: most cells of most exports. */
function parseIsoFast(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return 0;
    day = day * 10 + digit;
  }
  const [y, m, d] = [Math.floor(day / 10000), Math.floor(day / 100) % 100, day % 100];
  return y >= 1900 && isRealDate(y, m, d) ? day : 0;
}

function dayOrInvalid(year: string, month: string, day: string): number {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (y < 1900 || !isRealDate(y, m, d)) return INVALID_DATE;
  return toDayNumber(y, m, d);
}
