import { createHash } from 'node:crypto';
import type { Category, SourceRecord } from '../domain/index.js';

const CODES: Record<Category, string> = {
  enrolled_absent: 'EA',
  unregistered_school_age: 'US',
  missing_id: 'MI',
  empty_registration: 'ER',
  identity_mismatch: 'IM',
  review: 'RV',
};

/**
 * SPEC §7: a case_id stable from night to night for the same records and
 * category. It hashes the record's own keys (student number, else ID number,
 * else household number with name and birth date), never a row number or the
 * clock, so re-sorted or re-exported files keep their case ids.
 */
export function caseIdFor(category: Category, record: SourceRecord): string {
  const hash = createHash('sha256')
    .update(`${category}\n${recordKey(record)}`)
    .digest('hex');
  return `${CODES[category]}-${hash.slice(0, 12)}`;
}

export function recordKey(record: SourceRecord): string {
  if (record.source === 'registry' && record.studentNo) return `registry|student_no|${record.studentNo}`;
  if (record.id) return `${record.source}|id|${record.id}`;
  return `${record.source}|person|${record.householdNo}|${record.name}|${record.birthDate}|${record.school}`;
}
