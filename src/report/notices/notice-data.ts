import type { NoticeSettings } from '../../config/index.js';
import { ageOn, parseIsoDay, type Case } from '../../domain/index.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { enrolmentSchool, gradeText, stageForAge, type EnrolmentSchools } from './enrolment-schools.js';
import { LEGAL_PROVISIONS } from './provisions.js';

export interface NoticeContext {
  readonly settings: NoticeSettings;
  readonly asOf: number;
  readonly referenceDay: number;
  readonly schools: EnrolmentSchools;
}

/** The categories that get a notice (SPEC §11), and which kind. */
export const NOTICE_KINDS = { enrolled_absent: 'return', unregistered_school_age: 'enrol' } as const;

/**
 * The values of one notice, by placeholder name (docs/REFERENCE.md 通知书模板). Every
 * value is plain text: docxtemplater escapes it, so a name is never markup.
 */
export interface NoticeData {
  readonly [placeholder: string]: string | boolean | readonly { readonly [key: string]: string }[];
  readonly title: string;
  readonly case_id: string;
  readonly is_return: boolean;
  readonly is_enrol: boolean;
  readonly township: string;
  readonly village: string;
  readonly residence: string;
  readonly household_no: string;
  readonly child_name: string;
  readonly gender: string;
  readonly birth_date: string;
  readonly age: string;
  readonly id_number: string;
  readonly guardians: string;
  readonly guardians_found: boolean;
  readonly guardian_list: readonly { readonly name: string }[];
  readonly school: string;
  readonly school_known: boolean;
  readonly grade: string;
  readonly class: string;
  readonly facts: string;
  readonly deadline: string;
  readonly issuer: string;
  readonly date: string;
  readonly provisions: readonly { readonly text: string }[];
  readonly law_5: string;
  readonly law_11: string;
  readonly law_58: string;
}

/** Every placeholder a template may use, with the names inside its loops. */
export const NOTICE_PLACEHOLDERS = {
  title: '义务教育劝返复学通知书 or 义务教育入学通知书',
  case_id: 'the case id: the notice number',
  is_return: 'true for 劝返复学 (a section: {#is_return}…{/is_return})',
  is_enrol: 'true for 入学 (a section: {#is_enrol}…{/is_enrol})',
  township: '乡镇',
  village: '村',
  residence:
    'where the records place the child: 户籍登记在<乡镇><村> (household register), or 列入<乡镇><村>防返贫监测对象家庭成员名单 (poverty roll only)',
  household_no: '户号',
  child_name: 'the child’s name as the record writes it',
  gender: '男 / 女',
  birth_date: '2014年3月5日',
  age: 'age in completed years on the reference day (SPEC §3)',
  id_number: 'the child’s ID number',
  guardians: 'the guardians’ names (、), or a blank line saying none was found',
  guardians_found: 'true when the household register names a guardian',
  guardian_list: 'a loop over the guardians: {#guardian_list}{name}{/guardian_list}',
  school: 'the school to return to, or to enrol at, or a blank line',
  school_known: 'true when the school is known',
  grade: 'the grade (四年级), or empty',
  class: 'the class, or empty',
  facts: 'what the records show, in plain words, without a full stop',
  deadline: 'as-of + notice.daysToComply (2026年9月27日)',
  issuer: 'notice.issuer, default <township>人民政府',
  date: 'the as-of date (2026年9月20日)',
  provisions: 'a loop over the three provisions of SPEC §11: {#provisions}{text}{/provisions}',
  law_5: 'the first provision (第五条第二款)',
  law_11: 'the second provision (第十一条第一款)',
  law_58: 'the third provision (第五十八条)',
} as const;

/** The names a template may use outside a `{#notices}` loop (they hold for the whole township). */
export const TOWNSHIP_PLACEHOLDERS = ['township', 'issuer', 'date', 'deadline', 'count'] as const;
/** The names inside the loops of a notice. */
export const LOOP_ITEM_PLACEHOLDERS = { guardian_list: ['name'], provisions: ['text'] } as const;

const TITLES = { return: '义务教育劝返复学通知书', enrol: '义务教育入学通知书' } as const;

/** The registration's grade and class as written (the case's record, SPEC §7). */
export interface Registration {
  readonly grade: string;
  readonly className: string;
}

/** The values of the notice for case `c`. */
export function noticeData(c: Case, registration: Registration, context: NoticeContext): NoticeData {
  const kind = NOTICE_KINDS[c.category as keyof typeof NOTICE_KINDS];
  const birth = c.person.birth_date ? (parseIsoDay(c.person.birth_date) ?? 0) : 0;
  const age = birth ? ageOn(birth, context.referenceDay) : null;
  const school = schoolFor(c, kind, age, context);
  const blank = t('notices.blank', 'zh');
  const found = c.guardians.status === 'found';
  return {
    title: TITLES[kind],
    case_id: c.case_id,
    is_return: kind === 'return',
    is_enrol: kind === 'enrol',
    township: c.township,
    village: c.guardians.village,
    residence: residenceOf(c),
    household_no: c.guardians.household_no,
    child_name: c.person.name,
    gender: c.person.gender === 'male' ? '男' : c.person.gender === 'female' ? '女' : '',
    birth_date: birth ? chineseDate(birth) : '',
    age: age === null ? '' : String(age),
    id_number: c.person.id_number,
    guardians: found ? c.guardians.names.join('、') : t('notices.addressee_missing', 'zh'),
    guardians_found: found,
    guardian_list: c.guardians.names.map((name) => ({ name })),
    school: school ?? blank,
    school_known: school !== null,
    grade: kind === 'return' ? gradeText(registration.grade) : '',
    class: kind === 'return' ? registration.className : '',
    facts: factsOf(c, age),
    deadline: chineseDate(addDays(context.asOf, context.settings.daysToComply)),
    issuer: issuerFor(c.township, context.settings.issuer),
    date: chineseDate(context.asOf),
    provisions: LEGAL_PROVISIONS.map((text) => ({ text })),
    law_5: LEGAL_PROVISIONS[0]!,
    law_11: LEGAL_PROVISIONS[1]!,
    law_58: LEGAL_PROVISIONS[2]!,
  };
}

/**
 * Where the records place the child. A child only on the poverty roll has no 户籍 the
 * county's register shows: the notice must not say it has one (a probe found one that did).
 */
function residenceOf(c: Case): string {
  if (c.records.some((record) => record.source === 'household'))
    return t('notices.residence.household', 'zh', { township: c.township, village: c.guardians.village || c.village });
  return t('notices.residence.poverty', 'zh', { township: c.township, village: c.village });
}

/** SPEC §11: the sender. Default the township government (a 街道 is governed by its 办事处). */
export function issuerFor(township: string, configured: string | null): string {
  if (configured !== null) return configured.replaceAll('{township}', township);
  if (township === '') return `${t('notices.blank', 'zh')}人民政府`;
  return township.endsWith('街道') ? `${township}办事处` : `${township}人民政府`;
}

/** The school of the registration; for enrolment, the township's one school of the child's stage. */
function schoolFor(c: Case, kind: 'return' | 'enrol', age: number | null, context: NoticeContext): string | null {
  if (kind === 'return') return c.school || null;
  if (age === null) return null;
  return enrolmentSchool(context.schools, c.township, stageForAge(age));
}

/** What the records show, from the reason codes (STYLE 13: codes until the last moment). */
function factsOf(c: Case, age: number | null): string {
  const facts = (c.reasons as readonly string[]).map((reason) => t(FACT_KEYS[reason] ?? 'notices.fact.other', 'zh', { age: age ?? '' }));
  return [...new Set(facts)].join('；');
}

/** The reasons of the two notice categories (no_active_registration: SPEC §5, classified elsewhere). */
const FACT_KEYS: Readonly<Partial<Record<string, MessageKey>>> = {
  poverty_out_of_school: 'notices.fact.poverty_out_of_school',
  not_checked_in: 'notices.fact.not_checked_in',
  registry_dropout: 'notices.fact.registry_dropout',
  no_registry_record: 'notices.fact.no_registry_record',
  no_active_registration: 'notices.fact.no_active_registration',
};

/** 20260927 → 2026年9月27日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(day: number): string {
  return `${Math.floor(day / 10000)}年${Math.floor(day / 100) % 100}月${day % 100}日`;
}

function addDays(day: number, days: number): number {
  const date = new Date(Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, (day % 100) + days));
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}
