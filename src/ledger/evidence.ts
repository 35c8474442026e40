import { createHash } from 'node:crypto';
import type { Case } from '../domain/index.js';

/**
 * SPEC §8: a case's evidence is its category, its sorted reasons and the keys of
 * its records. The case_id already stands for the primary record's own key
 * (classify/case-id.ts recordKey); every record adds its source, ID and name as
 * written, never its row (a re-sorted export must not reopen a case). The one
 * place the fingerprint is computed: a closed case whose fingerprint changes comes
 * back as `reopened`.
 */
export function evidenceFingerprint(c: Case): string {
  const records = c.records.map((record) => `${record.source}|${record.id_number}|${record.name}`).sort();
  const text = [c.case_id, c.category, [...c.reasons].sort().join(','), ...records].join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
