import { ageOn, formatDay, type Category, type Difference, type Flag, type Reason, type SourceName } from '../domain/index.js';
import { COUNTY_PREFIX, STATUS_MEANING, type Intended, type Person, type PovertyEntry, type RegistryEntry, type World } from './world.js';

// truth.json: every case SPEC §5 requires of the generated county, derived from
// the ground truth (who each record really is and how it is meant to link), not
// from src/classify. Two implementations of the table that must agree.

export interface TruthCase {
  category: Category;
  reasons: Reason[];
  source: SourceName;
  row: number;
  suggested_id: string | null;
  /** SPEC §5 focus groups the case must carry, sorted. */
  flags: Flag[];
  /** For review: the household rows of the people that fit, sorted. */
  candidates: number[];
  /** For identity_mismatch: the planted differences, both sides. */
  differences: Difference[];
}

/** The records a case is about, as the generator wrote them: their flags follow from these. */
interface CaseRecords {
  readonly registry: readonly RegistryEntry[];
  readonly poverty: readonly PovertyEntry[];
  /** The registration stands for a child in the household register. */
  readonly inHousehold: boolean;
}

const JUNIOR_GRADES = new Set(['七年级', '八年级', '九年级']);

/** SPEC §5 flags, from the generator's own facts about the people behind the records. */
function expectedFlags(records: CaseRecords): Flag[] {
  const flags = new Set<Flag>();
  for (const member of records.poverty) {
    flags.add('poverty');
    if (member.person.disabled) flags.add('disabled');
  }
  for (const entry of records.registry) {
    if (entry.person.disabled) flags.add('disabled');
    if (entry.person.leftBehind) flags.add('left_behind');
    if (entry.person.parentIncarcerated) flags.add('parent_incarcerated');
    if (entry.migrant) flags.add('migrant');
    if (!records.inHousehold && entry.idState === 'valid' && !entry.idCanonical.startsWith(COUNTY_PREFIX)) flags.add('migrant');
    if (JUNIOR_GRADES.has(entry.grade)) flags.add('junior_middle');
  }
  return [...flags].sort();
}

const meaning = (entry: RegistryEntry) => STATUS_MEANING[entry.status];

/**
 * SPEC §5 `no_active_registration`, in the generator's own terms: the child left
 * (转出, 其他离校, 肄业, or 毕业 before grade 7: 小升初), not suspended and not
 * graduated from junior middle.
 */
const hasLeft = (entry: RegistryEntry) => meaning(entry) === 'left' || (meaning(entry) === 'completion' && entry.gradeLevel < 7);

export function computeTruth(world: World): TruthCase[] {
  const cases: TruthCase[] = [];
  const add = (
    category: Category,
    reasons: Reason[],
    source: SourceName,
    row: number,
    suggested: string | null,
    records: CaseRecords,
    more: { candidates?: number[]; differences?: Difference[] } = {},
  ) => {
    if (reasons.length === 0) return;
    const candidates = [...(more.candidates ?? [])].sort((a, b) => a - b);
    cases.push({
      category,
      reasons,
      source,
      row,
      suggested_id: suggested,
      flags: expectedFlags(records),
      candidates,
      differences: more.differences ?? [],
    });
  };
  const rowsOf = (link: Intended | PovertyEntry['link']) => (link.kind === 'review' ? link.candidates.map((c) => c.householdRow) : []);
  const linkedTo = (link: Intended | PovertyEntry['link']): Person | null => (link.kind === 'linked' ? link.to : null);

  // Registrations per household person, and review candidates.
  const registrations = new Map<Person, RegistryEntry[]>();
  const candidates = new Set<Person>();
  for (const entry of world.registry) {
    const person = linkedTo(entry.link);
    if (person) registrations.set(person, [...(registrations.get(person) ?? []), entry]);
    if (entry.link.kind === 'review') for (const c of entry.link.candidates) candidates.add(c);
  }
  for (const member of world.poverty) if (member.link.kind === 'review') for (const c of member.link.candidates) candidates.add(c);

  // The poverty members of a child, looked up (not searched: a county has 90,000 of them).
  const povertyByPerson = new Map<Person, PovertyEntry[]>();
  const povertyByRegistryId = new Map<string, PovertyEntry[]>();
  for (const member of world.poverty) {
    if (member.link.kind === 'linked') povertyByPerson.set(member.link.to, [...(povertyByPerson.get(member.link.to) ?? []), member]);
    else if (member.link.kind === 'registry')
      povertyByRegistryId.set(member.link.id, [...(povertyByRegistryId.get(member.link.id) ?? []), member]);
  }
  // A poverty member and a registration are the same child, as linking would join them:
  // linked to the same person, or linked to the registration's valid ID.
  const povertyOf = (entry: RegistryEntry): PovertyEntry[] => [
    ...(entry.link.kind === 'linked' ? (povertyByPerson.get(entry.link.to) ?? []) : []),
    ...(entry.idState === 'valid' ? (povertyByRegistryId.get(entry.idCanonical) ?? []) : []),
  ];
  const registryByValidId = new Map<string, RegistryEntry[]>();
  for (const entry of world.registry) {
    if (entry.idState === 'valid') registryByValidId.set(entry.idCanonical, [...(registryByValidId.get(entry.idCanonical) ?? []), entry]);
  }
  const checkedIn = attendanceMatches(world);
  const outOfSchool = new Set(
    world.poverty.filter((member) => member.schoolStatus === '非在校生' || member.dropoutFlag || member.notInSchoolReason !== ''),
  );
  // A child outside the household register registered twice: active registrations sharing one valid ID, linked to nobody.
  const unlinkedById = new Map<string, RegistryEntry[]>();
  for (const entry of world.registry) {
    if (meaning(entry) !== 'active' || entry.idState !== 'valid' || entry.link.kind !== 'none') continue;
    unlinkedById.set(entry.idCanonical, [...(unlinkedById.get(entry.idCanonical) ?? []), entry]);
  }
  const schoolAge = (birth: number) => birth > 0 && ageOn(birth, world.referenceDay) >= 6 && ageOn(birth, world.referenceDay) <= 15;
  const idBirth = (id: string) => Number(id.slice(6, 14));

  for (const entry of world.registry) {
    const person = linkedTo(entry.link);
    const active = meaning(entry) === 'active';
    const valid = entry.idState === 'valid';
    const suggested =
      person?.householdIdValid && (!valid || (entry.link.kind === 'linked' && entry.link.rule === 'id_fuzzy')) ? person.householdId : null;
    const records: CaseRecords = {
      registry: [entry],
      poverty: povertyOf(entry),
      inHousehold: person !== null,
    };

    // enrolled_absent
    const absent: Reason[] = [];
    if (active) {
      if (povertyOf(entry).some((member) => outOfSchool.has(member))) absent.push('poverty_out_of_school');
      if (world.attendance.length > 0 && entry.school.roster && !checkedIn.has(entry)) absent.push('not_checked_in');
    } else if (meaning(entry) === 'dropout') {
      const birth = valid ? idBirth(entry.idCanonical) : entry.birthWritten || (person ? person.birth : 0);
      if (schoolAge(birth)) absent.push('registry_dropout');
    }
    add('enrolled_absent', absent, 'registry', entry.row, suggested, records);
    if (!active) {
      if (entry.link.kind === 'review')
        add(
          'review',
          [...entry.link.reasons],
          'registry',
          entry.row,
          null,
          { ...records, poverty: [] },
          { candidates: rowsOf(entry.link) },
        );
      continue;
    }

    // missing_id
    const missing: Reason[] = [];
    if (!valid) missing.push(`id_${entry.idState}` as Reason);
    else if (entry.link.kind === 'linked' && entry.link.rule === 'id_fuzzy') missing.push('id_differs');
    if (missing.length > 0 && entry.link.kind === 'none') missing.push('no_household_record');
    add('missing_id', missing, 'registry', entry.row, suggested, records);

    // empty_registration
    const empty: Reason[] = [];
    if (entry.link.kind === 'none' && valid && entry.idCanonical.startsWith(COUNTY_PREFIX)) empty.push('id_not_in_household');
    if (person?.status === '死亡') empty.push('person_deceased');
    const activeOfPerson = person ? (registrations.get(person) ?? []).filter((other) => meaning(other) === 'active') : [];
    if (activeOfPerson.length > 1) empty.push('duplicate_registration');
    const unlinkedTwins = entry.link.kind === 'none' && valid ? (unlinkedById.get(entry.idCanonical) ?? []) : [];
    if (unlinkedTwins.length > 1) empty.push('duplicate_registration');
    const twins = activeOfPerson.length > 1 ? activeOfPerson : unlinkedTwins.length > 1 ? unlinkedTwins : null;
    add('empty_registration', empty, 'registry', entry.row, suggested, twins ? { ...records, registry: twins } : records);

    // identity_mismatch
    if (person && entry.link.kind === 'linked' && entry.link.rule === 'id_exact') {
      const differs: Reason[] = [];
      const differences: Difference[] = [];
      const gender = (g: 'M' | 'F') => (g === 'M' ? 'male' : 'female');
      if (entry.nameMeant !== person.name) {
        differs.push('name_differs');
        differences.push({ field: 'name', registry: entry.nameWritten, household: person.name });
      }
      if (entry.genderWritten && entry.genderWritten !== person.gender) {
        differs.push('gender_differs');
        differences.push({ field: 'gender', registry: gender(entry.genderWritten), household: gender(person.gender) });
      }
      if (entry.birthWritten && entry.birthWritten !== person.birth) {
        differs.push('birth_date_differs');
        differences.push({ field: 'birth_date', registry: formatDay(entry.birthWritten), household: formatDay(person.birth) });
      }
      add('identity_mismatch', differs, 'registry', entry.row, suggested, records, { differences });
    }

    if (entry.link.kind === 'review')
      add('review', [...entry.link.reasons], 'registry', entry.row, null, { ...records, poverty: [] }, { candidates: rowsOf(entry.link) });
  }

  // unregistered_school_age: household people …
  for (const person of world.people) {
    if (!person.inHousehold || person.status !== '正常' || candidates.has(person) || !schoolAge(person.birth)) continue;
    const own = registrations.get(person);
    const members = povertyByPerson.get(person) ?? [];
    if (!own)
      add('unregistered_school_age', ['no_registry_record'], 'household', person.householdRow, null, {
        registry: [],
        poverty: members,
        inHousehold: true,
      });
    else if (own.every(hasLeft))
      add('unregistered_school_age', ['no_active_registration'], 'household', person.householdRow, null, {
        registry: own,
        poverty: members,
        inHousehold: true,
      });
  }
  // … and poverty members linked to nobody in the household register.
  for (const member of world.poverty) {
    const alone: CaseRecords = { registry: [], poverty: [member], inHousehold: false };
    if (member.link.kind === 'review')
      add('review', [...member.link.reasons], 'poverty', member.row, null, alone, { candidates: rowsOf(member.link) });
    else if (member.link.kind === 'none' && schoolAge(member.person.birth))
      add('unregistered_school_age', ['no_registry_record'], 'poverty', member.row, null, alone);
    else if (member.link.kind === 'registry' && schoolAge(member.person.birth)) {
      const { id } = member.link;
      const own = registryByValidId.get(id) ?? [];
      if (own.length > 0 && own.every(hasLeft))
        add('unregistered_school_age', ['no_active_registration'], 'poverty', member.row, null, { ...alone, registry: own });
    }
  }
  return cases;
}

/** SPEC §4 attendance: by student number where both have one, else by equal valid ID. */
function attendanceMatches(world: World): Set<RegistryEntry> {
  const byStudentNo = new Map<string, RegistryEntry[]>();
  const byId = new Map<string, RegistryEntry[]>();
  for (const entry of world.registry) {
    byStudentNo.set(entry.studentNo, [...(byStudentNo.get(entry.studentNo) ?? []), entry]);
    if (entry.idState === 'valid') byId.set(entry.idCanonical, [...(byId.get(entry.idCanonical) ?? []), entry]);
  }
  const matched = new Set<RegistryEntry>();
  for (const row of world.attendance) {
    const found = byStudentNo.get(row.studentNo) ?? (row.id ? byId.get(canonical(row.id)) : undefined) ?? [];
    for (const entry of found) matched.add(entry);
  }
  return matched;
}

function canonical(written: string): string {
  return written.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function describeTruth(world: World, cases: readonly TruthCase[], files: Record<string, string>, county: readonly string[]) {
  const byCategory: Record<string, number> = {};
  for (const c of cases) byCategory[c.category] = (byCategory[c.category] ?? 0) + 1;
  return {
    generator: {
      people: world.options.people,
      seed: world.options.seed,
      as_of: formatDay(world.options.asOf),
      flavor: world.options.flavor,
    },
    reference_day: formatDay(world.referenceDay),
    county,
    files,
    counts: {
      household: world.people.filter((p) => p.inHousehold).length,
      registry: world.registry.length,
      poverty: world.poverty.length,
      attendance: world.attendance.length,
      cases_by_category: byCategory,
    },
    distractors: world.distractors,
    cases,
  };
}
