// Calendar days are kept as yyyymmdd integers (20140305): they sort, compare and
// subtract cheaply, and a million of them cost no allocations.

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function toDayNumber(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

/** 20140305 → "2014-03-05"; 0 → "". */
export function formatDay(day: number): string {
  if (!day) return '';
  const s = String(day);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** "2014-03-05" → 20140305, or null when it is not a real calendar day. */
export function parseIsoDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? toDayNumber(y, mo, d) : null;
}

/** Today in the machine's local time zone, as a county clerk reads the calendar. */
export function today(now: Date = new Date()): number {
  return toDayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * Age in completed years on `onDay`. With yyyymmdd integers the difference divided
 * by 10000 is exactly that: a birthday later in the year borrows from the year digits.
 */
export function ageOn(birthDay: number, onDay: number): number {
  return Math.floor((onDay - birthDay) / 10000);
}
