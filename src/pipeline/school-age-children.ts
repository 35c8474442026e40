import { genderName, type ClassifyContext } from '../classify/index.js';
import {
  FLAG_BITS,
  formatDay,
  genderOf,
  isSchoolAge,
  SOURCE_NAMES,
  type Case,
  type Gender,
  type SchoolAgeChild,
  type SourceName,
  type SourceRecord,
} from '../domain/index.js';

/**
 * SPEC §10 适龄儿童台账: every school-age child (§3) of the household register or
 * the poverty roll, one row each: the active registration linked to them (在读),
 * and tonight's enrolled_absent or unregistered_school_age case about them (疑似;
 * the ledger adds 确认辍学 and 已销号). Made only with a ledger.
 */
export function listSchoolAgeChildren(context: ClassifyContext, cases: readonly Case[]): SchoolAgeChild[] {
  const { data } = context;
  // A case's first record is the one it is about (classify/finding.ts): found by source and row, a number.
  const rowKey = (source: SourceName, row: number) => row * SOURCE_NAMES.length + SOURCE_NAMES.indexOf(source);
  const bySourceRow = new Map<number, string>();
  for (const c of cases) {
    const primary = c.records[0];
    if (primary && (c.category === 'enrolled_absent' || c.category === 'unregistered_school_age'))
      bySourceRow.set(rowKey(primary.source, primary.row), c.case_id);
  }
  const found = (record: SourceRecord) => bySourceRow.get(rowKey(record.source, record.row)) ?? null;
  const children: SchoolAgeChild[] = [];
  const { household } = data;
  // The household person is read from the columns: no record made for 150,000 children.
  for (const h of context.schoolAgeHousehold) {
    const registrations = (data.registryByHousehold.get(h) ?? []).map((r) => data.registry[r]!);
    const poverty = (data.povertyByHousehold.get(h) ?? []).map((p) => data.poverty[p]!);
    const active = registrations.find((record) => record.statusKind === 'active') ?? null;
    let caseId = bySourceRow.get(rowKey('household', household.row(h))) ?? null;
    for (const record of registrations) caseId ??= found(record);
    const person: ChildPerson = {
      township: household.township(h),
      village: household.village(h),
      name: household.writtenName(h),
      id: household.id(h),
      gender: household.gender(h),
      flags: household.flags(h),
    };
    children.push(childRow(person, household.birth(h), active, [...registrations, ...poverty], poverty.length > 0, caseId));
  }
  // Poverty members with no household person: the roll is the only source that names them.
  data.poverty.forEach((member, p) => {
    if (data.povertyOutcomes[p]!.kind !== 'none') return;
    const birth = member.idBirth || member.birthDate;
    if (!isSchoolAge(birth, context.referenceDay, context.schoolAge)) return;
    const outcome = data.povertyRegistryOutcomes[p]!;
    const group = outcome.kind === 'linked' ? (data.registryPersons[outcome.link.target] ?? []) : [];
    const registrations = group.map((r) => data.registry[r]!);
    const active = registrations.find((record) => record.statusKind === 'active') ?? null;
    let caseId = found(member);
    for (const record of registrations) caseId ??= found(record);
    const { township, village, id, flags } = member;
    const person: ChildPerson = { township, village, name: member.nameRaw || member.name, id, gender: genderOf(member), flags };
    children.push(childRow(person, birth, active, [member, ...registrations], true, caseId));
  });
  return children;
}

/** What a row of 适龄儿童台账 says about the child's own record. */
interface ChildPerson {
  readonly township: string;
  readonly village: string;
  /** As written. */
  readonly name: string;
  readonly id: string;
  readonly gender: Gender | null;
  readonly flags: number;
}

function childRow(
  person: ChildPerson,
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
    name: person.name,
    id_number: person.id,
    gender: genderName(person.gender),
    birth_date: formatDay(birth) || null,
    flags,
    school: active?.school ?? '',
    grade: active?.grade ?? '',
    case_id: caseId,
  };
}
