import { genderName, type ClassifyContext } from '../classify/index.js';
import {
  genderOf,
  INACTIVE_REGISTRATIONS,
  isSchoolAge,
  SOURCE_NAMES,
  type Case,
  type InactiveRegistration,
  type RegistryIx,
  type SchoolAgeChild,
  type SchoolAgeChildren,
  type SourceName,
  type SourceRecord,
} from '../domain/index.js';

/**
 * SPEC §10 适龄儿童台账: every school-age child (§3) of the household register or
 * the poverty roll, one row each: the active registration linked to them (在读),
 * and tonight's enrolled_absent or unregistered_school_age case about them (疑似;
 * the ledger adds 确认辍学 and 已销号). Made only with a ledger. The household
 * person is read from the register's columns and the child handed over in one
 * reused object: 150,000 children cost no record and no object each.
 */
export function schoolAgeChildren(context: ClassifyContext, cases: readonly Case[]): SchoolAgeChildren {
  return { forEach: (visit) => visitChildren(context, cases, visit) };
}

/** 0 for an active registration, then INACTIVE_REGISTRATIONS' order (1 the most telling). */
const NOT_SHOWN = INACTIVE_REGISTRATIONS.length + 1;
function registrationRank(record: SourceRecord): number {
  const kind = record.statusKind;
  if (kind === 'active') return 0;
  const inactive: InactiveRegistration =
    kind === 'left' && record.exit !== 'other' ? record.exit : kind === 'dropout' || kind === 'unknown' ? kind : 'left';
  return INACTIVE_REGISTRATIONS.indexOf(inactive) + 1;
}

function visitChildren(context: ClassifyContext, cases: readonly Case[], visit: (child: Readonly<SchoolAgeChild>) => void): void {
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
  const child: SchoolAgeChild = {
    township: '',
    village: '',
    name: '',
    id_number: '',
    gender: null,
    birth: 0,
    flags: 0,
    poverty: false,
    registration: null,
    school: '',
    grade: '',
    case_id: null,
  };
  /**
   * The registrations' part: the active one (school, grade), else the most telling of
   * the others (a child who finished grade 9 is not "not in the registry"); their
   * flags; a case about one of them.
   */
  const fromRegistrations = (registrations: readonly RegistryIx[]) => {
    let shown: SourceRecord | null = null;
    let rank = NOT_SHOWN;
    for (const r of registrations) {
      const record = data.registry[r]!;
      const own = registrationRank(record);
      if (own < rank) [shown, rank] = [record, own];
      child.flags |= record.flags;
      child.case_id ??= found(record);
    }
    child.registration = shown && rank > 0 ? INACTIVE_REGISTRATIONS[rank - 1]! : null;
    child.school = shown?.school ?? '';
    child.grade = shown?.grade ?? '';
  };

  const { household } = data;
  for (const h of context.schoolAgeHousehold) {
    child.township = household.township(h);
    child.village = household.village(h);
    child.name = household.writtenName(h);
    child.id_number = household.id(h);
    child.gender = genderName(household.gender(h));
    child.birth = household.birth(h);
    child.flags = household.flags(h);
    child.case_id = bySourceRow.get(rowKey('household', household.row(h))) ?? null;
    fromRegistrations(data.registryByHousehold.get(h) ?? []);
    const poverty = data.povertyByHousehold.get(h) ?? [];
    for (const p of poverty) child.flags |= data.poverty[p]!.flags;
    child.poverty = poverty.length > 0;
    visit(child);
  }
  // Poverty members with no household person: the roll is the only source that names them.
  data.poverty.forEach((member, p) => {
    if (data.povertyOutcomes[p]!.kind !== 'none') return;
    const birth = member.idBirth || member.birthDate;
    if (!isSchoolAge(birth, context.referenceDay, context.schoolAge)) return;
    const outcome = data.povertyRegistryOutcomes[p]!;
    child.township = member.township;
    child.village = member.village;
    child.name = member.nameRaw || member.name;
    child.id_number = member.id;
    child.gender = genderName(genderOf(member));
    child.birth = birth;
    child.flags = member.flags;
    child.case_id = found(member);
    fromRegistrations(outcome.kind === 'linked' ? (data.registryPersons[outcome.link.target] ?? []) : []);
    child.poverty = true;
    visit(child);
  });
}
