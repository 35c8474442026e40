import { ageOn, toDayNumber } from '../domain/index.js';
import { checkCharacter, checksumWeightAt, hasValidChecksum, INVERSE_MOD_11, relateNames } from './oracle.js';
import { fullName, homophoneVariant, OTHER_DOTS, retroflexVariant, traditionalVariant } from './names.js';
import {
  addPerson,
  addPoverty,
  addRegistry,
  birthForAge,
  checkIn,
  COUNTY_PREFIX,
  GRADE_NAMES,
  MIGRANT_PREFIXES,
  type Person,
  type RegistryEntry,
  type School,
  type World,
} from './world.js';

// Plants every case of SPEC §5 and the distractors that must not be reported,
// each on its own child, checking that no other person in the county could make a
// planted link ambiguous by accident (a namesake born the same day, an ID one
// typo away). The checks here are the generator's own, independent of src/link.

interface Planting {
  readonly world: World;
  /** Active registrations of living school-age children, one each, in random order. */
  readonly students: RegistryEntry[];
  /** Household people by birth date, for name-and-birth checks. */
  readonly bornOn: Map<number, Person[]>;
  /** Every valid ID written anywhere → its owner's name and gender. */
  readonly validIds: Map<string, { name: string; gender: 'M' | 'F' }>;
  /** Registrations whose check-in is left off the roster. */
  readonly absent: Set<RegistryEntry>;
  /** How many plants so far: alternates the variants of a scenario. */
  planted: number;
  count(rate: number): number;
}

export function plantCases(world: World): void {
  const planting = startPlanting(world);
  for (const planter of PLANTERS) planter(planting);
  buildAttendance(world, planting.absent);
}

type Planter = (planting: Planting) => void;

const PLANTERS: readonly Planter[] = [
  // enrolled_absent
  (p) =>
    times(p.count(0.004), () =>
      withStudent(p, 'poverty_out_of_school', (entry, i) => {
        const member = p.world.poverty.find((m) => m.person === entry.person) ?? addPoverty(p.world, entry.person);
        if (i % 2 === 0) member.schoolStatus = '非在校生';
        else member.dropoutFlag = true;
      }),
    ),
  (p) =>
    times(p.count(0.004), () =>
      withStudent(
        p,
        'not_checked_in',
        (entry) => p.absent.add(entry),
        (entry) => entry.school.roster,
      ),
    ),
  (p) => times(p.count(0.003), () => withStudent(p, 'registry_dropout', (entry) => (entry.status = '辍学'))),
  // unregistered_school_age
  (p) => times(p.count(0.004), () => withStudent(p, 'unregistered', (entry) => removeEntry(p.world, entry))),
  plantSchoolAgeBoundaries,
  // no_active_registration: 小升初 — a primary graduate of 12 with no junior-middle registration …
  (p) =>
    times(p.count(0.002), () =>
      withStudent(
        p,
        'primary_graduate_gap',
        (entry, i) => {
          graduateFromPrimary(p, entry);
          if (i % 3 === 0 && !entry.person.poverty) addPoverty(p.world, entry.person);
        },
        (entry) => ageOn(entry.person.birth, p.world.referenceDay) === 12,
      ),
    ),
  // … 转出 with no new registration, 其他离校, 肄业
  (p) =>
    times(p.count(0.003), () =>
      withStudent(p, 'left_unregistered', (entry, i) => {
        entry.status = LEFT_STATUSES[i % LEFT_STATUSES.length]!;
        if (i % 4 === 0 && !entry.person.poverty) addPoverty(p.world, entry.person);
      }),
    ),
  // missing_id (the first one on a twin: the other twin must not be taken for it)
  (p) =>
    withStudent(
      p,
      'id_empty_twin',
      (entry) => writeNoId(entry, ''),
      (entry) => hasTwin(p, entry.person) && uniqueByNameBirth(p, entry.person),
    ),
  (p) =>
    times(p.count(0.002), () =>
      withStudent(
        p,
        'id_empty',
        (entry) => writeNoId(entry, ''),
        (entry) => uniqueByNameBirth(p, entry.person),
      ),
    ),
  (p) =>
    times(p.count(0.002), () =>
      withStudent(
        p,
        'id_malformed',
        (entry, i) => {
          if (p.world.options.flavor === 'messy' && i % 2 === 1) {
            writeNoId(entry, entry.person.id);
            entry.idNumericCell = true;
          } else writeNoId(entry, entry.person.id.slice(0, 12) + entry.person.id.slice(13));
          entry.idState = 'malformed';
        },
        (entry) => uniqueByNameBirth(p, entry.person),
      ),
    ),
  (p) => times(p.count(0.002), () => plantTypo(p, 'id_bad_region', (id) => (id[0] === '9' ? '8' : '9') + id.slice(1), 'bad_region')),
  (p) => times(p.count(0.002), () => plantTypo(p, 'id_bad_date', (id) => id.slice(0, 12) + '4' + id.slice(13), 'bad_date')),
  (p) =>
    times(p.count(0.002), () =>
      plantTypo(
        p,
        'id_bad_checksum',
        (id, i) => (i % 2 === 0 ? id.slice(0, 17) + (id[17] === '0' ? '1' : '0') : transposeSequence(id)),
        'bad_checksum',
      ),
    ),
  (p) =>
    times(p.count(0.002), () =>
      withStudent(
        p,
        'id_differs',
        (entry) => {
          const wrong = twoDigitsAway(entry.person.id, p)!;
          p.world.ids.reserve(wrong);
          p.validIds.set(wrong, { name: entry.person.name, gender: entry.person.gender });
          entry.idWritten = wrong;
          entry.idCanonical = wrong;
          entry.studentNo = `G${wrong}`;
          entry.link = { kind: 'linked', to: entry.person, rule: 'id_fuzzy' };
        },
        (entry) => twoDigitsAway(entry.person.id, p) !== null && noTypoConflict(p, twoDigitsAway(entry.person.id, p)!, entry.person),
      ),
    ),
  (p) =>
    times(p.count(0.002), () => {
      const child = newOutsider(p, 'no_household_record', { noUsableId: true });
      const entry = addRegistry(p.world, child, { school: schoolFor(p, child), grade: gradeFor(p, child) });
      writeNoId(entry, '');
      entry.link = { kind: 'none' };
    }),
  // empty_registration
  (p) =>
    times(p.count(0.002), () => {
      const ghost = newOutsider(p, 'id_not_in_household');
      addRegistry(p.world, ghost, { school: schoolFor(p, ghost), grade: gradeFor(p, ghost) });
    }),
  (p) => times(p.count(0.0015), () => withStudent(p, 'person_deceased', (entry) => (entry.person.status = '死亡'))),
  (p) =>
    times(p.count(0.0015), () =>
      withStudent(p, 'duplicate_registration', (entry) => {
        const elsewhere = p.world.schools.filter(
          (school) => school.township !== entry.school.township && school.stage === entry.school.stage,
        );
        const second = addRegistry(p.world, entry.person, {
          school: p.world.random.pick(elsewhere),
          grade: gradeFor(p, entry.person),
          studentNo: localStudentNo(p),
        });
        second.link = entry.link;
      }),
    ),
  // … and a child outside the household register (a migrant) registered twice
  (p) =>
    times(p.count(0.0015), () => {
      const child = newOutsider(p, 'migrant_registered_twice', { prefix: p.world.random.pick(MIGRANT_PREFIXES) });
      const first = addRegistry(p.world, child, { school: schoolFor(p, child), grade: gradeFor(p, child) });
      const elsewhere = p.world.schools.filter((school) => school !== first.school && school.stage === first.school.stage);
      const school = p.world.random.pick(elsewhere);
      const second = addRegistry(p.world, child, { school, grade: gradeFor(p, child), studentNo: localStudentNo(p) });
      first.migrant = second.migrant = p.world.random.chance(0.5);
    }),
  // identity_mismatch
  (p) =>
    times(p.count(0.0015), () =>
      withStudent(p, 'name_differs', (entry) => {
        let other = entry.person.name;
        while (relateNames(other, entry.person.name) !== 'different')
          other = fullName(p.world.random, entry.person.gender, entry.person.name.slice(0, 1));
        entry.nameWritten = other;
        entry.nameMeant = other;
      }),
    ),
  (p) =>
    times(p.count(0.0015), () =>
      withStudent(p, 'gender_differs', (entry) => (entry.genderWritten = entry.person.gender === 'M' ? 'F' : 'M')),
    ),
  (p) =>
    times(p.count(0.0015), () =>
      withStudent(p, 'birth_date_differs', (entry) => (entry.birthWritten = shiftDays(entry.person.birth, p.world.random.int(1, 20)))),
    ),
  // review
  (p) =>
    times(p.count(0.0015), () =>
      withStudent(
        p,
        'ambiguous_match',
        (entry, i) => {
          const namesake = addNamesake(p, entry.person);
          writeNoId(entry, '');
          entry.link = { kind: 'review', candidates: [entry.person, namesake], reasons: ['ambiguous_match'] };
          if (i % 2 === 0 && !entry.person.poverty) {
            const member = addPoverty(p.world, entry.person);
            member.idWritten = '';
            member.idState = 'empty';
            member.link = { kind: 'review', candidates: [entry.person, namesake], reasons: ['ambiguous_match'] };
          }
        },
        (entry) => uniqueByNameBirth(p, entry.person),
      ),
    ),
  (p) =>
    times(p.count(0.0015), () => {
      let variant = '';
      withStudent(
        p,
        'weak_match',
        (entry) => {
          writeNoId(entry, '');
          entry.nameWritten = entry.nameMeant = variant;
          entry.link = { kind: 'review', candidates: [entry.person], reasons: ['weak_match'] };
        },
        (entry) => {
          variant = homophoneVariant(entry.person.name, p.world.random) ?? '';
          if (!variant) return false;
          const { equal, alike } = nameBirthCandidates(p, variant, entry.person.birth, entry.person.township, entry.person.gender, false);
          return equal.length === 0 && alike.length === 1 && alike[0] === entry.person;
        },
      );
    }),
  // unregistered_school_age on the poverty roll only; planted after every registration
  // without an ID, since such a member could link to one by name and birth date.
  (p) =>
    times(p.count(0.002), () => {
      const person = newOutsider(p, 'poverty_only', { checkRegistry: true });
      addPoverty(p.world, person, { schoolStatus: p.world.random.pick(['在校生', '非在校生']) });
    }),
  // A poverty member with no household person whose only registration says the child left.
  (p) =>
    times(p.count(0.001), () => {
      const person = newOutsider(p, 'poverty_left', { checkRegistry: true });
      addRegistry(p.world, person, {
        school: schoolFor(p, person),
        grade: gradeFor(p, person),
        status: p.world.random.pick(LEFT_STATUSES),
      });
      addPoverty(p.world, person).link = { kind: 'registry', id: person.id };
    }),
  // poverty_out_of_school by 未上学原因 alone, 在校生状况 blank or not saying so
  (p) =>
    times(p.count(0.002), () =>
      withStudent(p, 'poverty_reason_only', (entry, i) => {
        const member = p.world.poverty.find((m) => m.person === entry.person) ?? addPoverty(p.world, entry.person);
        if (i % 2 === 0) member.schoolStatus = '';
        member.notInSchoolReason = p.world.random.pick(NOT_IN_SCHOOL_REASONS);
      }),
    ),
  // distractors: nothing of these may be reported
  plantDistractors,
  plantNearHomophones,
];

/**
 * A child with no ID in the registry and no 户口, and in the household register a
 * child of the same birthday, township and sex whose name differs by a retroflex
 * initial (周伟 / 邹伟): by SPEC §2 not alike, so the registration stays
 * `no_household_record`; a sound-alike key that blurs zh/z would send it to review.
 */
function plantNearHomophones(p: Planting): void {
  times(p.count(0.002), () => {
    let variant: string | null = null;
    let child: Person | null = null;
    for (let tries = 0; tries < 50 && variant === null; tries++) {
      child = newOutsider(p, 'near_homophone', { noUsableId: true });
      variant = retroflexVariant(child.name);
      if (variant === null) {
        p.world.people.pop();
        child = null;
      }
    }
    if (!child || !variant) return;
    const entry = addRegistry(p.world, child, { school: schoolFor(p, child), grade: gradeFor(p, child) });
    writeNoId(entry, '');
    entry.link = { kind: 'none' };
    const anchor = p.world.random.pick(p.students).person;
    const neighbour = addPerson(p.world, {
      name: variant,
      gender: child.gender,
      birth: child.birth,
      township: child.township,
      village: anchor.village,
      householdNo: anchor.householdNo,
      relation: child.gender === 'M' ? '子' : '女',
      prefix: COUNTY_PREFIX,
    });
    neighbour.planted = 'near_homophone_neighbour';
    indexPerson(p, neighbour);
    addRegistry(p.world, neighbour, { school: schoolFor(p, neighbour), grade: gradeFor(p, neighbour) });
    p.world.distractors.near_homophone = (p.world.distractors.near_homophone ?? 0) + 1;
  });
}

function plantSchoolAgeBoundaries(p: Planting): void {
  const { world } = p;
  const year = Math.floor(world.referenceDay / 10000);
  const monthDay = world.referenceDay % 10000;
  const sixOnReference = toDayNumber(year - 6, Math.floor(monthDay / 100), monthDay % 100);
  const sixteenOnReference = toDayNumber(year - 16, Math.floor(monthDay / 100), monthDay % 100);
  const boundaries: [number, string, boolean][] = [
    [sixOnReference, 'boundary_six_unregistered', true],
    [shiftDays(sixteenOnReference, 1), 'boundary_fifteen_unregistered', true],
    [shiftDays(sixOnReference, 1), 'boundary_five', false],
    [sixteenOnReference, 'boundary_sixteen', false],
    [sixOnReference, 'boundary_six_registered', false],
  ];
  for (const [birth, label, unregistered] of boundaries) {
    times(Math.max(1, Math.round(p.count(0.001) / 2)), () => {
      const anchor = p.world.random.pick(p.students).person;
      const gender = p.world.random.chance(0.5) ? 'M' : 'F';
      const child = addPerson(world, {
        name: fullName(world.random, gender, anchor.name.slice(0, 1)),
        gender,
        birth,
        township: anchor.township,
        village: anchor.village,
        householdNo: anchor.householdNo,
        relation: gender === 'M' ? '子' : '女',
        prefix: COUNTY_PREFIX,
      });
      child.planted = label;
      indexPerson(p, child);
      if (label === 'boundary_six_registered') addRegistry(world, child, { school: schoolFor(p, child), grade: 1 });
      if (!unregistered) world.distractors[label] = (world.distractors[label] ?? 0) + 1;
    });
  }
}

function plantDistractors(p: Planting): void {
  const { world } = p;
  const note = (label: string) => (world.distractors[label] = (world.distractors[label] ?? 0) + 1);
  const random = world.random;
  // Migrant children: valid IDs from other provinces, not in the household register.
  times(p.count(0.004), () => {
    const child = newOutsider(p, 'migrant', { prefix: random.pick(MIGRANT_PREFIXES) });
    const entry = addRegistry(world, child, { school: schoolFor(p, child), grade: gradeFor(p, child) });
    entry.migrant = random.chance(0.5);
    note('migrant_child');
  });
  times(p.count(0.004), () =>
    withStudent(
      p,
      'traditional_characters',
      (entry) => {
        entry.nameWritten = traditionalVariant(entry.person.name)!;
        note('traditional_characters');
      },
      (entry) => traditionalVariant(entry.person.name) !== null,
    ),
  );
  for (const entry of world.registry) {
    if (entry.person.name.includes('·') && entry.nameWritten === entry.person.name) {
      entry.nameWritten = entry.person.name.replace('·', random.pick(OTHER_DOTS));
      note('separator_dot');
    }
  }
  times(p.count(0.004), () =>
    withStudent(p, 'full_width_id', (entry) => {
      entry.idWritten = entry.person.id.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      note('full_width_id');
    }),
  );
  times(p.count(0.004), () =>
    withStudent(
      p,
      'lower_case_x',
      (entry) => {
        entry.idWritten = entry.person.id.toLowerCase();
        note('lower_case_x');
      },
      (entry) => entry.person.id.endsWith('X'),
    ),
  );
  times(p.count(0.004), () =>
    withStudent(p, 'spaces_in_id', (entry) => {
      const id = entry.person.id;
      entry.idWritten = random.chance(0.5) ? `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}` : ` ${id}\t`;
      note('spaces_in_id');
    }),
  );
  // Two unrelated children of one name and birthday in one township, both registered by ID.
  times(p.count(0.001), () =>
    withStudent(
      p,
      'common_name',
      (entry) => {
        const namesake = addNamesake(p, entry.person);
        namesake.planted = 'common_name';
        note('common_name_same_birthday');
      },
      (entry) => uniqueByNameBirth(p, entry.person),
    ),
  );
  times(p.count(0.002), () =>
    withStudent(p, 'transferred', (entry) => {
      entry.status = '转出';
      entry.person.status = '迁出';
      note('transferred_and_moved');
    }),
  );
  times(p.count(0.002), () =>
    withStudent(p, 'suspended', (entry, i) => {
      entry.status = i % 2 === 0 ? '休学' : '保留学籍';
      note('suspended');
    }),
  );
  // 小升初 done: a 六年级 毕业 at the primary school, and active in 七年级.
  times(p.count(0.002), () =>
    withStudent(
      p,
      'primary_graduate_enrolled',
      (entry) => {
        const graduated = addRegistry(world, entry.person, { school: entry.school, grade: 6, status: '毕业', studentNo: entry.studentNo });
        graduated.link = entry.link;
        graduateFromPrimary(p, graduated);
        note('primary_graduate_enrolled');
      },
      (entry) => ageOn(entry.person.birth, world.referenceDay) === 12,
    ),
  );
  // 转出, and a new active registration at another school (the 全国学籍号 follows the child).
  times(p.count(0.002), () =>
    withStudent(p, 'transferred_reregistered', (entry) => {
      const elsewhere = world.schools.filter((school) => school !== entry.school && school.stage === entry.school.stage);
      const moved = addRegistry(world, entry.person, {
        school: random.pick(elsewhere),
        grade: entry.gradeLevel,
        studentNo: entry.studentNo,
      });
      moved.link = entry.link;
      entry.status = '转出';
      note('transferred_with_new_registration');
    }),
  );
  // A status text in no list: the child is neither active nor gone, and no case.
  times(p.count(0.002), () =>
    withStudent(p, 'status_in_no_list', (entry) => {
      entry.status = '学籍异动';
      note('status_in_no_list');
    }),
  );
  times(p.count(0.002), () =>
    withStudent(p, 'gone_unregistered', (entry, i) => {
      removeEntry(world, entry);
      entry.person.status = i % 2 === 0 ? '迁出' : '死亡';
      note('gone_or_deceased_unregistered');
    }),
  );
  // The household register has the wrong ID; the registry the right one: linked by name and birth date.
  times(p.count(0.002), () =>
    withStudent(
      p,
      'household_id_wrong',
      (entry) => {
        const person = entry.person;
        person.householdId = person.id.slice(0, 17) + (person.id[17] === '0' ? '1' : '0');
        person.householdIdValid = false;
        p.validIds.delete(person.id);
        entry.link = { kind: 'linked', to: person, rule: 'name_birth' };
        for (const member of world.poverty) if (member.person === person) member.link = { kind: 'linked', to: person, rule: 'name_birth' };
        note('household_id_wrong');
      },
      (entry) => {
        const { equal, alike } = nameBirthCandidates(
          p,
          entry.person.name,
          entry.person.birth,
          entry.person.township,
          entry.person.gender,
          true,
        );
        return equal.length === 0 && alike.length === 0 && noTypoConflict(p, entry.person.id, entry.person);
      },
    ),
  );
  // A dropout past school age.
  const graduates = world.registry.filter(
    (entry) => entry.status === '毕业' && ageOn(entry.person.birth, world.referenceDay) === 16 && entry.person.planted === null,
  );
  for (const entry of graduates.slice(0, p.count(0.001))) {
    entry.status = '辍学';
    entry.person.planted = 'dropout_past_school_age';
    note('dropout_past_school_age');
  }
  // Junior-middle graduates of 15 (registerChildren): compulsory education completed, no case.
  for (const entry of world.registry) {
    const age = ageOn(entry.person.birth, world.referenceDay);
    if (entry.status === '毕业' && entry.gradeLevel === 9 && age === 15) note('graduate_grade_nine_aged_fifteen');
  }
}

const LEFT_STATUSES = ['转出', '其他离校', '肄业'] as const;
const NOT_IN_SCHOOL_REASONS = ['因病', '因残', '厌学', '外出务工', '家庭困难', '其他'];

/** A 六年级 毕业 at the primary school of the child's township. */
function graduateFromPrimary(p: Planting, entry: RegistryEntry): void {
  entry.status = '毕业';
  entry.grade = GRADE_NAMES[5]!;
  entry.gradeLevel = 6;
  entry.school = p.world.schools.find((school) => school.township === entry.person.township && school.stage === 'primary')!;
}

// --- helpers -----------------------------------------------------------------

function startPlanting(world: World): Planting {
  const active = new Map<Person, RegistryEntry[]>();
  for (const entry of world.registry) {
    const list = active.get(entry.person) ?? [];
    list.push(entry);
    active.set(entry.person, list);
  }
  const students = world.random.shuffle(
    [...active.values()]
      .filter((entries) => entries.length === 1 && entries[0]!.status === '在读')
      .map((entries) => entries[0]!)
      .filter((entry) => {
        const age = ageOn(entry.person.birth, world.referenceDay);
        return entry.person.status === '正常' && age >= 6 && age <= 15;
      }),
  );
  const planting: Planting = {
    world,
    students,
    bornOn: new Map(),
    validIds: new Map(),
    absent: new Set(),
    planted: 0,
    count: (rate) => Math.max(2, Math.round(students.length * rate)),
  };
  for (const person of world.people) indexPerson(planting, person);
  for (const entry of world.registry) planting.validIds.set(entry.idCanonical, { name: entry.person.name, gender: entry.person.gender });
  return planting;
}

function indexPerson(p: Planting, person: Person): void {
  if (person.inHousehold) {
    const list = p.bornOn.get(person.birth) ?? [];
    list.push(person);
    p.bornOn.set(person.birth, list);
    if (person.householdIdValid) p.validIds.set(person.householdId, { name: person.name, gender: person.gender });
  }
}

function times(count: number, plant: () => void): void {
  for (let i = 0; i < count; i++) plant();
}

/** Plants on the next unplanted student that fits; nothing when none is left. */
function withStudent(
  p: Planting,
  label: string,
  plant: (entry: RegistryEntry, i: number) => void,
  fits: (entry: RegistryEntry) => boolean = () => true,
): void {
  for (const entry of p.students) {
    if (entry.person.planted !== null || !fits(entry)) continue;
    entry.person.planted = label;
    plant(entry, p.planted++);
    return;
  }
}

function removeEntry(world: World, entry: RegistryEntry): void {
  world.registry.splice(world.registry.indexOf(entry), 1);
}

function writeNoId(entry: RegistryEntry, written: string): void {
  entry.idWritten = written;
  entry.idState = written === '' ? 'empty' : 'malformed';
  entry.idCanonical = '';
  entry.studentNo = `L${entry.person.id.slice(6, 14)}${String(entry.person.index).padStart(8, '0')}`;
  entry.link = { kind: 'linked', to: entry.person, rule: 'name_birth' };
}

function localStudentNo(p: Planting): string {
  return `L${String(p.world.random.int(10_000_000, 99_999_999))}${String(p.world.random.int(10_000_000, 99_999_999))}`;
}

/** A registration whose ID has one typo, linked by id_fuzzy to its child. */
function plantTypo(
  p: Planting,
  label: string,
  corrupt: (id: string, i: number) => string,
  state: 'bad_region' | 'bad_date' | 'bad_checksum',
): void {
  let chosen = '';
  withStudent(
    p,
    label,
    (entry) => {
      entry.idWritten = chosen;
      entry.idState = state;
      entry.idCanonical = '';
      entry.link = { kind: 'linked', to: entry.person, rule: 'id_fuzzy' };
    },
    (entry) => {
      chosen = corrupt(entry.person.id, p.planted);
      return chosen !== entry.person.id && noTypoConflict(p, chosen, entry.person);
    },
  );
}

/** Two digits of the sequence changed so that the checksum holds: another valid ID. */
function twoDigitsAway(id: string, p: Planting): string | null {
  for (let a = 0; a <= 9; a++) {
    for (let b = 0; b <= 9; b++) {
      if (String(a) === id[14] || String(b) === id[15]) continue;
      const body = id.slice(0, 14) + a + b + id[16];
      const candidate = body + checkCharacter(body);
      if (candidate[17] === id[17] && !p.world.ids.has(candidate)) return candidate;
    }
  }
  return null;
}

function transposeSequence(id: string): string {
  for (const i of [14, 15, 13]) {
    if (id[i] !== id[i + 1]) return id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
  }
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

/**
 * No valid ID other than `owner`'s within one substitution, one adjacent
 * transposition or (a valid query) two substitutions of `query` belongs to someone
 * whose name is equal or alike: the planted typo links to its child and nobody else.
 * A plain search over the variants, independent of src/link.
 */

function noTypoConflict(p: Planting, query: string, owner: Person | null): boolean {
  const clash = (id: string) => {
    if (owner && id === owner.id) return false;
    const other = p.validIds.get(id);
    return other !== undefined && (!owner || relateNames(other.name, owner.name) !== 'different');
  };
  if (clash(query)) return false;
  const chars = query.split('');
  const at = () => chars.join('');
  // One adjacent transposition.
  for (let i = 0; i < 17; i++) {
    [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
    const swapped = clash(at());
    [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
    if (swapped) return false;
  }
  // One substitution: every digit of the body with its check character recomputed
  // (a valid neighbour), and every other character as it is.
  for (let i = 0; i < 18; i++) {
    const original = chars[i]!;
    for (const c of i === 17 ? '0123456789X' : '0123456789') {
      if (c === original) continue;
      chars[i] = c;
      if (clash(at())) return false;
      if (i < 17 && clash(at().slice(0, 17) + checkCharacter(at().slice(0, 17)))) return false;
    }
    chars[i] = original;
  }
  // Two substitutions in the body that keep the check character (both valid):
  // the second digit is the one that restores the MOD 11-2 sum.
  if (!hasValidChecksum(query)) return true;
  for (let i = 0; i < 17; i++) {
    for (let j = i + 1; j < 17; j++) {
      const [a, b] = [Number(chars[i]), Number(chars[j])];
      for (let x = 0; x <= 9; x++) {
        if (x === a) continue;
        const y = (((b - checksumWeightAt(i) * (x - a) * INVERSE_MOD_11[checksumWeightAt(j)]!) % 11) + 11) % 11;
        if (y > 9 || y === b) continue;
        chars[i] = String(x);
        chars[j] = String(y);
        const hit = clash(at());
        chars[i] = String(a);
        chars[j] = String(b);
        if (hit) return false;
      }
    }
  }
  return true;
}

/** Household people born that day, in that township, genders not contradicting, by name agreement. */
function nameBirthCandidates(
  p: Planting,
  name: string,
  birth: number,
  township: string,
  gender: 'M' | 'F',
  withoutUsableIdOnly: boolean,
): { equal: Person[]; alike: Person[] } {
  const equal: Person[] = [];
  const alike: Person[] = [];
  for (const person of p.bornOn.get(birth) ?? []) {
    if (person.township !== township || person.gender !== gender) continue;
    if (withoutUsableIdOnly && person.householdIdValid) continue;
    const agreement = relateNames(name, person.name);
    if (agreement === 'equal') equal.push(person);
    else if (agreement === 'sound_alike') alike.push(person);
  }
  return { equal, alike };
}

function hasTwin(p: Planting, person: Person): boolean {
  return (p.bornOn.get(person.birth) ?? []).some((other) => other !== person && other.householdNo === person.householdNo);
}

function uniqueByNameBirth(p: Planting, person: Person): boolean {
  const { equal, alike } = nameBirthCandidates(p, person.name, person.birth, person.township, person.gender, false);
  return equal.length === 1 && equal[0] === person && alike.length === 0;
}

/** A child outside the household register (no 户口 here, a ghost, a migrant, poverty roll only). */
function newOutsider(p: Planting, label: string, options: { prefix?: string; noUsableId?: boolean; checkRegistry?: boolean } = {}): Person {
  const { world } = p;
  const withoutId = options.checkRegistry ? world.registry.filter((entry) => entry.idState !== 'valid') : [];
  for (;;) {
    const anchor = world.random.pick(p.students).person;
    const gender = world.random.chance(0.5) ? 'M' : 'F';
    const person = addPerson(world, {
      name: fullName(world.random, gender),
      gender,
      birth: birthForAge(world.random, world.referenceDay, world.random.int(6, 14)),
      township: anchor.township,
      village: anchor.village,
      householdNo: '',
      relation: '',
      prefix: options.prefix ?? COUNTY_PREFIX,
    });
    person.inHousehold = false;
    person.planted = label;
    const { equal, alike } = nameBirthCandidates(p, person.name, person.birth, person.township, gender, !options.noUsableId);
    const idIsClear = options.prefix !== undefined || options.noUsableId === true || noTypoConflict(p, person.id, person);
    // A poverty member with a valid ID may still link to a registration without one.
    const registryNamesake = withoutId.some(
      (entry) =>
        entry.idState !== 'valid' &&
        entry.person.birth === person.birth &&
        entry.person.township === person.township &&
        relateNames(entry.nameMeant, person.name) !== 'different',
    );
    if (equal.length === 0 && alike.length === 0 && idIsClear && !registryNamesake) {
      p.validIds.set(person.id, { name: person.name, gender });
      return person;
    }
    world.people.pop();
  }
}

/** Another household's child with the same name, gender and birthday in the same township, registered by ID. */
function addNamesake(p: Planting, person: Person): Person {
  const { world } = p;
  let anchor = world.random.pick(p.students).person;
  for (let tries = 0; tries < 50 && (anchor.township !== person.township || anchor.householdNo === person.householdNo); tries++)
    anchor = world.random.pick(p.students).person;
  const namesake = addPerson(world, {
    name: person.name,
    gender: person.gender,
    birth: person.birth,
    township: person.township,
    village: anchor.village,
    householdNo: anchor.householdNo,
    relation: person.gender === 'M' ? '子' : '女',
    prefix: COUNTY_PREFIX,
  });
  namesake.planted = 'namesake';
  indexPerson(p, namesake);
  addRegistry(world, namesake, { school: schoolFor(p, namesake), grade: gradeFor(p, namesake) });
  return namesake;
}

function gradeFor(p: Planting, person: Person): number {
  return Math.min(9, Math.max(1, ageOn(person.birth, p.world.referenceDay) - 5));
}

function schoolFor(p: Planting, person: Person): School {
  const stage = gradeFor(p, person) <= 6 ? 'primary' : 'middle';
  return p.world.schools.find((school) => school.township === person.township && school.stage === stage)!;
}

function shiftDays(day: number, days: number): number {
  const date = new Date(Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100) + days * 86_400_000);
  return toDayNumber(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Every active registration at a roster school checks in, but the planted absentees. */
function buildAttendance(world: World, absent: ReadonlySet<RegistryEntry>): void {
  // A second registration elsewhere is a ghost: the child checks in at its first school only.
  const checkedIn = new Set<Person>();
  for (const entry of world.registry) {
    if (entry.status !== '在读' || checkedIn.has(entry.person)) continue;
    checkedIn.add(entry.person);
    if (!entry.school.roster || absent.has(entry)) continue;
    checkIn(world, entry);
  }
}
