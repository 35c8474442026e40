import { FLAG_BITS, type Flag, type SourceRecord } from '../domain/index.js';

/**
 * SPEC §5: focus-group flags wherever any record of the case shows them, and
 * `junior_middle` for grades 7–9. A registration not in the household register
 * whose valid ID was issued outside the county is a migrant child (SPEC §4).
 */
export function flagsFor(records: readonly SourceRecord[], county: ReadonlySet<string>, inHouseholdRegister: boolean): Flag[] {
  let bits = 0;
  let poverty = false;
  let juniorMiddle = false;
  let migrant = false;
  for (const record of records) {
    bits |= record.flags;
    if (record.source === 'poverty') poverty = true;
    if (record.juniorMiddle && record.source === 'registry') juniorMiddle = true;
    if (!inHouseholdRegister && record.source === 'registry' && record.idState === 'valid' && !county.has(record.id.slice(0, 6)))
      migrant = true;
  }
  const flags: Flag[] = [];
  if (poverty) flags.push('poverty');
  if (bits & FLAG_BITS.disabled) flags.push('disabled');
  if (bits & FLAG_BITS.left_behind) flags.push('left_behind');
  if (migrant || bits & FLAG_BITS.migrant) flags.push('migrant');
  if (bits & FLAG_BITS.parent_incarcerated) flags.push('parent_incarcerated');
  if (juniorMiddle) flags.push('junior_middle');
  return flags;
}
