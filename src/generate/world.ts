import { ageOn, referenceDayFor, toDayNumber, type IdState, type LinkRule } from '../domain/index.js';
import { checkCharacter } from './oracle.js';
import { fullName, givenName, minorityName, surname } from './names.js';
import { Random } from './random.js';

// The ground truth of a synthetic county: who lives where, who is registered at
// which school, who is on the poverty roll, who checked in. The exports are
// written from it (write.ts) and truth.json is derived from it (truth.ts).

export interface GenerateOptions {
  readonly people: number;
  readonly seed: number;
  /** yyyymmdd */
  readonly asOf: number;
  readonly flavor: 'clean' | 'messy';
}

export const COUNTY_PREFIX = '341324';
/** Where adults born elsewhere got their IDs (same city, same province, elsewhere). */
const OTHER_HOUSEHOLD_PREFIXES = ['341302', '341321', '341322', '341323', '340102', '320102', '410523'];
/** Migrant children's prefixes: three or more digits from every household prefix, so never an ID near one. */
export const MIGRANT_PREFIXES = ['500101', '610103', '450103', '130104', '520102', '650102', '220102', '150102'].filter((migrant) =>
  [COUNTY_PREFIX, ...OTHER_HOUSEHOLD_PREFIXES].every((prefix) => hamming(prefix, migrant) >= 3),
);

const TOWNSHIP_NAMES = [
  '城关镇',
  '东湖镇',
  '西岗镇',
  '南山乡',
  '北河镇',
  '青石镇',
  '柳林乡',
  '杨庄镇',
  '李集镇',
  '白马乡',
  '高桥镇',
  '长岭镇',
  '新河镇',
  '双井乡',
  '红星镇',
  '太平镇',
  '和平乡',
  '金沙镇',
  '凤凰镇',
  '龙泉乡',
];
const VILLAGE_NAMES = [
  '前进村',
  '红旗村',
  '胜利村',
  '东风村',
  '新华村',
  '团结村',
  '光明村',
  '和平村',
  '幸福村',
  '张庄村',
  '李庄村',
  '王庄村',
  '大王村',
  '小河村',
  '林场村',
  '枣园村',
];

export type HouseholdStatus = '正常' | '死亡' | '迁出';

export interface Person {
  readonly index: number;
  name: string;
  readonly gender: 'M' | 'F';
  readonly birth: number;
  readonly id: string;
  readonly township: string;
  readonly village: string;
  readonly householdNo: string;
  readonly relation: string;
  status: HouseholdStatus;
  /** Has a row in the household register. */
  inHousehold: boolean;
  /** The ID as the household register writes it, and whether that is valid. */
  householdId: string;
  householdIdValid: boolean;
  disabled: boolean;
  leftBehind: boolean;
  parentIncarcerated: boolean;
  poverty: boolean;
  /** The scenario this person was picked for; one at most. */
  planted: string | null;
  householdRow: number;
}

export interface School {
  readonly name: string;
  readonly code: string;
  readonly township: string;
  readonly stage: 'primary' | 'middle';
  roster: boolean;
}

/** How a record is meant to link (what a perfect linker would find). */
export type Intended =
  | { readonly kind: 'linked'; readonly to: Person; readonly rule: LinkRule }
  | { readonly kind: 'review'; readonly candidates: readonly Person[]; readonly reasons: readonly ('ambiguous_match' | 'weak_match')[] }
  | { readonly kind: 'none' };

/**
 * What each status the generator writes means (its own vocabulary, independent of
 * src/config): the truth is derived from these meanings, never from rollcall's lists.
 * The messy flavor writes synonyms of some of them (write.ts).
 */
export const STATUS_MEANING = {
  在读: 'active',
  辍学: 'dropout',
  转出: 'left',
  其他离校: 'left',
  肄业: 'left',
  毕业: 'completion',
  休学: 'suspended',
  保留学籍: 'suspended',
  学籍异动: 'unknown',
} as const;
export type RegistryStatus = keyof typeof STATUS_MEANING;

export interface RegistryEntry {
  readonly person: Person;
  status: RegistryStatus;
  school: School;
  grade: string;
  /** 1–9: the grade the entry is written with. */
  gradeLevel: number;
  className: string;
  /** The ID as written, its state, and (for a valid one) the ID it means. */
  idWritten: string;
  idState: IdState;
  idCanonical: string;
  /** Written as a number in a workbook (messy flavor): its digits are lost. */
  idNumericCell: boolean;
  nameWritten: string;
  /** The simplified name the written one means. */
  nameMeant: string;
  genderWritten: 'M' | 'F' | null;
  birthWritten: number;
  studentNo: string;
  link: Intended;
  migrant: boolean;
  row: number;
}

export interface PovertyEntry {
  readonly person: Person;
  idWritten: string;
  idState: IdState;
  schoolStatus: string;
  dropoutFlag: boolean;
  /** Why the member is not in school (未上学原因); '' when nothing is said. */
  notInSchoolReason: string;
  link: Intended | { readonly kind: 'registry'; readonly id: string };
  row: number;
}

export interface AttendanceEntry {
  readonly studentNo: string;
  readonly id: string;
  readonly name: string;
  readonly school: School;
  row: number;
}

export interface World {
  readonly options: GenerateOptions;
  readonly referenceDay: number;
  readonly random: Random;
  readonly townships: readonly string[];
  readonly villages: ReadonlyMap<string, readonly string[]>;
  readonly schools: readonly School[];
  readonly people: Person[];
  readonly registry: RegistryEntry[];
  readonly poverty: PovertyEntry[];
  readonly attendance: AttendanceEntry[];
  readonly ids: IdFactory;
  /** Counts of the distractors planted, for truth.json. */
  readonly distractors: Record<string, number>;
}

/** Unique valid IDs: region + birth date + sequence (odd for men) + check character. */
export class IdFactory {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  make(prefix: string, birth: number, gender: 'M' | 'F'): string {
    for (;;) {
      let sequence = this.random.int(1, 999);
      if ((sequence % 2 === 1) !== (gender === 'M')) sequence = sequence === 999 ? 998 : sequence + 1;
      const body = `${prefix}${birth}${String(sequence).padStart(3, '0')}`;
      const id = body + checkCharacter(body);
      if (this.used.has(id)) continue;
      this.used.add(id);
      return id;
    }
  }

  has(id: string): boolean {
    return this.used.has(id);
  }

  reserve(id: string): void {
    this.used.add(id);
  }
}

/** A birth date that makes someone `age` (completed years) on the reference day. */
export function birthForAge(random: Random, referenceDay: number, age: number): number {
  const year = Math.floor(referenceDay / 10000);
  const month = Math.floor(referenceDay / 100) % 100;
  const day = referenceDay % 100;
  const latest = Date.UTC(year - age, month - 1, day);
  const date = new Date(latest - random.int(0, 364) * 86_400_000);
  return toDayNumber(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function buildWorld(options: GenerateOptions): World {
  const random = new Random(options.seed);
  const referenceDay = referenceDayFor(options.asOf);
  const townshipCount = Math.max(3, Math.min(TOWNSHIP_NAMES.length, Math.round(options.people / 60_000)));
  const townships = TOWNSHIP_NAMES.slice(0, townshipCount);
  const villages = new Map(townships.map((township) => [township, random.shuffle([...VILLAGE_NAMES]).slice(0, random.int(8, 12))]));
  const schools: School[] = [];
  let schoolCode = 2134_000_001;
  for (const township of townships) {
    schools.push({ name: `${township}第一小学`, code: String(schoolCode++), township, stage: 'primary', roster: false });
    schools.push({ name: `${township}第二小学`, code: String(schoolCode++), township, stage: 'primary', roster: false });
    schools.push({ name: `${township}中学`, code: String(schoolCode++), township, stage: 'middle', roster: false });
  }
  // The check-in roster covers about a third of the schools.
  for (const school of schools) school.roster = random.chance(0.33);
  schools[0]!.roster = true;

  const world: World = {
    options,
    referenceDay,
    random,
    townships,
    villages,
    schools,
    people: [],
    registry: [],
    poverty: [],
    attendance: [],
    ids: new IdFactory(random),
    distractors: {},
  };
  let householdCount = 0;
  while (world.people.length < options.people) buildHousehold(world, ++householdCount);
  registerChildren(world);
  enrolPoverty(world);
  return world;
}

/** Adds a person to the world, with a fresh ID. */
export function addPerson(
  world: World,
  fields: {
    name: string;
    gender: 'M' | 'F';
    birth: number;
    township: string;
    village: string;
    householdNo: string;
    relation: string;
    prefix?: string;
  },
): Person {
  const { random } = world;
  const prefix =
    fields.prefix ??
    (fields.relation === '户主' || fields.relation === '配偶' || fields.relation === '父母' ? adultPrefix(random) : COUNTY_PREFIX);
  const person: Person = {
    index: world.people.length,
    name: fields.name,
    gender: fields.gender,
    birth: fields.birth,
    id: world.ids.make(prefix, fields.birth, fields.gender),
    township: fields.township,
    village: fields.village,
    householdNo: fields.householdNo,
    relation: fields.relation,
    status: '正常',
    inHousehold: true,
    householdId: '',
    householdIdValid: true,
    disabled: false,
    leftBehind: false,
    parentIncarcerated: false,
    poverty: false,
    planted: null,
    householdRow: 0,
  };
  person.householdId = person.id;
  world.people.push(person);
  return person;
}

function adultPrefix(random: Random): string {
  return random.chance(0.88) ? COUNTY_PREFIX : random.pick(OTHER_HOUSEHOLD_PREFIXES);
}

/** A family: head, spouse, children, sometimes grandparents or grandchildren. */
function buildHousehold(world: World, serial: number): void {
  const { random, referenceDay } = world;
  const township = random.pick(world.townships);
  const village = random.pick(world.villages.get(township)!);
  const householdNo = `${3413240000 + world.townships.indexOf(township) * 1000 + (serial % 1000)}${String(serial).padStart(7, '0')}`;
  const family = surname(random);
  const headAge = random.int(22, 75);
  const headGender = random.chance(0.85) ? 'M' : 'F';
  const add = (relation: string, age: number, gender: 'M' | 'F', name?: string) =>
    addPerson(world, {
      name: name ?? fullName(random, gender, relation === '配偶' ? undefined : family),
      gender,
      birth: birthForAge(random, referenceDay, age),
      township,
      village,
      householdNo,
      relation,
    });

  const head = add('户主', headAge, headGender);
  if (headAge > 65 && random.chance(0.05)) head.status = '死亡';
  if (random.chance(0.85)) add('配偶', Math.max(20, headAge + random.int(-4, 4)), headGender === 'M' ? 'F' : 'M');
  const parentAge = headAge;
  const children = parentAge <= 50 ? random.pickWeighted([0, 1, 2, 3], [8, 38, 82, 100]) : random.int(0, 2);
  const rural = township !== world.townships[0];
  for (let c = 0; c < children; c++) {
    const age = parentAge - random.int(20, 36);
    if (age < 0) continue;
    const gender = random.chance(0.52) ? 'M' : 'F';
    const child = add(gender === 'M' ? '子' : '女', age, gender, random.chance(0.004) ? minorityName(random) : undefined);
    decorateChild(world, child, rural);
    // Twins: the same birthday, another name, the next sequence numbers.
    if (age <= 15 && random.chance(0.012)) {
      const twinGender = random.chance(0.5) ? 'M' : 'F';
      const twin = addPerson(world, {
        name: family + givenName(random, twinGender),
        gender: twinGender,
        birth: child.birth,
        township,
        village,
        householdNo,
        relation: twinGender === 'M' ? '子' : '女',
        prefix: COUNTY_PREFIX,
      });
      if (twin.name === child.name) twin.name = family + givenName(random, twinGender) + '儿';
      decorateChild(world, twin, rural);
      world.distractors.twins = (world.distractors.twins ?? 0) + 1;
    }
  }
  // Grandchildren of an older head, often left behind by parents working elsewhere.
  if (headAge >= 46 && random.chance(0.55)) {
    for (let g = random.int(1, 2); g > 0; g--) {
      const gender = random.chance(0.52) ? 'M' : 'F';
      const grandchild = add(gender === 'M' ? '孙子' : '孙女', random.int(0, 15), gender);
      decorateChild(world, grandchild, rural);
      if (rural && random.chance(0.6)) grandchild.leftBehind = true;
    }
  }
  if (headAge < 45 && random.chance(0.2)) add('父母', headAge + random.int(24, 32), random.chance(0.5) ? 'M' : 'F');
  // Some adults have moved away but stay on the household list.
  if (random.chance(0.03)) {
    const adult = world.people[world.people.length - 1]!;
    if (ageOn(adult.birth, referenceDay) >= 18) adult.status = '迁出';
  }
}

function decorateChild(world: World, child: Person, rural: boolean): void {
  const { random } = world;
  if (random.chance(0.01)) child.disabled = true;
  if (rural && random.chance(0.12)) child.leftBehind = true;
  if (random.chance(0.003)) child.parentIncarcerated = true;
}

/** Every living child of school age is registered at a school of its township, by age. */
function registerChildren(world: World): void {
  const { random, referenceDay } = world;
  for (const person of [...world.people]) {
    if (person.status !== '正常') continue;
    const age = ageOn(person.birth, referenceDay);
    if (age < 6 || age > 17) continue;
    const township = world.schools.filter((school) => school.township === person.township);
    const primary = township.filter((school) => school.stage === 'primary');
    const middle = township.find((school) => school.stage === 'middle')!;
    if (age <= 11) addRegistry(world, person, { school: primary[person.index % primary.length]!, grade: age - 5 });
    else if (age <= 14) addRegistry(world, person, { school: middle, grade: age - 5 });
    else if (age === 15) addRegistry(world, person, { school: middle, grade: 9, status: random.chance(0.5) ? '在读' : '毕业' });
    else if (random.chance(0.6)) addRegistry(world, person, { school: middle, grade: 9, status: '毕业' });
  }
}

export const GRADE_NAMES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级'];

export function addRegistry(
  world: World,
  person: Person,
  fields: { school: School; grade: number; status?: RegistryStatus; studentNo?: string },
): RegistryEntry {
  const entry: RegistryEntry = {
    person,
    status: fields.status ?? '在读',
    school: fields.school,
    grade: GRADE_NAMES[fields.grade - 1] ?? '九年级',
    gradeLevel: Math.min(9, fields.grade),
    className: `${world.random.int(1, 4)}班`,
    idWritten: person.id,
    idState: 'valid',
    idCanonical: person.id,
    idNumericCell: false,
    nameWritten: person.name,
    nameMeant: person.name,
    genderWritten: person.gender,
    birthWritten: person.birth,
    studentNo: fields.studentNo ?? `G${person.id}`,
    link: person.inHousehold ? { kind: 'linked', to: person, rule: 'id_exact' } : { kind: 'none' },
    migrant: false,
    row: 0,
  };
  world.registry.push(entry);
  return entry;
}

/** About 9% of households are on the poverty roll, every member listed. */
function enrolPoverty(world: World): void {
  const { random } = world;
  let current = '';
  let onRoll = false;
  for (const person of world.people) {
    if (person.householdNo !== current) {
      current = person.householdNo;
      onRoll = random.chance(0.09);
    }
    if (onRoll && person.status !== '死亡') addPoverty(world, person);
  }
}

export function addPoverty(
  world: World,
  person: Person,
  fields: Partial<Pick<PovertyEntry, 'schoolStatus' | 'dropoutFlag' | 'notInSchoolReason'>> = {},
): PovertyEntry {
  person.poverty = true;
  const age = ageOn(person.birth, world.referenceDay);
  const entry: PovertyEntry = {
    person,
    idWritten: person.id,
    idState: 'valid',
    schoolStatus: fields.schoolStatus ?? (age < 6 ? '学龄前' : age <= 15 ? '在校生' : ''),
    dropoutFlag: fields.dropoutFlag ?? false,
    notInSchoolReason: fields.notInSchoolReason ?? '',
    link: person.inHousehold ? { kind: 'linked', to: person, rule: 'id_exact' } : { kind: 'none' },
    row: 0,
  };
  world.poverty.push(entry);
  return entry;
}

export function hamming(a: string, b: string): number {
  let differ = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
  return differ;
}

/** The registration's row in the check-in roster: its student number, its ID as written (when valid), its name. */
export function checkIn(world: World, entry: RegistryEntry): void {
  world.attendance.push({
    studentNo: entry.studentNo,
    id: entry.idCanonical ? entry.idWritten : '',
    name: entry.nameWritten,
    school: entry.school,
    row: 0,
  });
}
