import { genderName } from '../classify/index.js';
import type { Settings } from '../config/index.js';
import {
  FLAG_BITS,
  formatDay,
  genderOf,
  isSchoolAge,
  ix,
  type Case,
  type HouseholdIx,
  type SchoolAgeChild,
  type SourceRecord,
} from '../domain/index.js';
import type { LinkedData } from '../link/index.js';

/**
 * SPEC §10 适龄儿童台账: every school-age child (§3) of the household register or
 * the poverty roll, one row each: the active registration linked to them (在读),
 * and tonight's enrolled_absent or unregistered_school_age case about them (疑似;
 * the ledger adds 确认辍学 and 已销号). Made only with a ledger.
 */
export function listSchoolAgeChildren(data: LinkedData, cases: readonly Case[], settings: Settings): SchoolAgeChild[] {
  // A case's first record is the one it is about (classify/finding.ts): found by source and row, no hashing.
  const bySourceRow = new Map<string, string>();
  for (const c of cases) {
    const primary = c.records[0];
    if (primary && (c.category === 'enrolled_absent' || c.category === 'unregistered_school_age'))
      bySourceRow.set(`${primary.source}:${primary.row}`, c.case_id);
  }
  const found = (record: SourceRecord) => bySourceRow.get(`${record.source}:${record.row}`) ?? null;
  const children: SchoolAgeChild[] = [];
  const { household } = data;
  for (let i = 0; i < household.length; i++) {
    const h = ix<HouseholdIx>(i);
    if (household.statusKind(h) !== 'living' || !isSchoolAge(household.birth(h), settings.referenceDay, settings.schoolAge)) continue;
    const person = household.at(h);
    const registrations = (data.registryByHousehold.get(h) ?? []).map((r) => data.registry[r]!);
    const poverty = (data.povertyByHousehold.get(h) ?? []).map((p) => data.poverty[p]!);
    const active = registrations.find((record) => record.statusKind === 'active') ?? null;
    let caseId = found(person);
    for (const record of registrations) caseId ??= found(record);
    children.push(childRow(person, household.birth(h), active, [...registrations, ...poverty], poverty.length > 0, caseId));
  }
  // Poverty members with no household person: the roll is the only source that names them.
  data.poverty.forEach((member, p) => {
    if (data.povertyOutcomes[p]!.kind !== 'none') return;
    const birth = member.idBirth || member.birthDate;
    if (!isSchoolAge(birth, settings.referenceDay, settings.schoolAge)) return;
    const outcome = data.povertyRegistryOutcomes[p]!;
    const group = outcome.kind === 'linked' ? (data.registryPersons[outcome.link.target] ?? []) : [];
    const registrations = group.map((r) => data.registry[r]!);
    const active = registrations.find((record) => record.statusKind === 'active') ?? null;
    let caseId = found(member);
    for (const record of registrations) caseId ??= found(record);
    children.push(childRow(member, birth, active, [member, ...registrations], true, caseId));
  });
  return children;
}

function childRow(
  person: SourceRecord,
  birth: number,
  active: SourceRecord | null,
  records: readonly SourceRecord[],
  poverty: boolean,
  caseId: string | null,
): SchoolAgeChild {
  const bits = records.reduce((all, record) => all | record.flags, person.flags);
  const flags: string[] = [];
  if (poverty) flags.push('poverty');
  for (const flag of Object.keys(FLAG_BITS) as (keyof typeof FLAG_BITS)[]) if (bits & FLAG_BITS[flag]) flags.push(flag);
  return {
    township: person.township,
    village: person.village,
    name: person.nameRaw || person.name,
    id_number: person.id,
    gender: genderName(genderOf(person)),
    birth_date: formatDay(birth) || null,
    flags,
    school: active?.school ?? '',
    grade: active?.grade ?? '',
    case_id: caseId,
  };
}
