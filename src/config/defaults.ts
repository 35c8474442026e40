import type { FieldName } from '../domain/index.js';

/** SPEC §1: headers recognised without config, per canonical field, in order of preference. */
export const HEADER_SYNONYMS: Readonly<Record<FieldName, readonly string[]>> = {
  id_number: ['身份证号', '身份证号码', '身份证件号', '身份证件号码', '公民身份号码', '证件号码', '证件号'],
  id_type: ['身份证件类型', '证件类型', '身份证件类型码'],
  name: ['姓名', '学生姓名', '成员姓名'],
  gender: ['性别', '性别码'],
  birth_date: ['出生日期', '出生年月日'],
  student_no: ['全国学籍号', '学籍号', '学籍辅号'],
  school: ['学校名称', '学校', '就读学校'],
  school_code: ['学校标识码', '学校代码'],
  grade: ['年级'],
  class: ['班级'],
  status: ['学籍状态', '学生状态', '在校状态', '人员状态', '户籍状态'],
  township: ['乡镇', '乡镇（街道）', '乡镇街道', '所在乡镇', '所属乡镇', '乡（镇）', '乡', '镇'],
  village: ['村', '行政村', '村（社区）', '村居', '所在村'],
  household_no: ['户号', '户编号'],
  relation: ['与户主关系'],
  school_status: ['在校生状况', '在校生情况', '就学状况', '在校生状态'],
  not_in_school_reason: ['未上学原因', '义务教育阶段未上学原因', '失学或辍学原因', '失学辍学原因'],
  dropout_flag: ['是否义务教育阶段适龄儿童少年失学辍学', '是否失学辍学'],
  disabled: ['是否残疾', '残疾类型', '残疾情况'],
  left_behind: ['是否留守儿童'],
  migrant: ['是否随迁子女', '是否进城务工人员随迁子女'],
  parent_incarcerated: ['是否服刑人员未成年子女'],
};

/** Grades as the poverty roll's 在校生状况 writes them: 一年级, 小学一年级, 初中三年级, 高一, 中职二年级 … */
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SCHOOL_STATUS_GRADES = [
  ...NUMERALS.map((n) => `${n}年级`),
  ...NUMERALS.slice(0, 6).map((n) => `小学${n}年级`),
  ...['初中', '高中', '中职', '高职', '技工院校'].flatMap((stage) => NUMERALS.slice(0, 3).map((n) => `${stage}${n}年级`)),
  ...NUMERALS.slice(0, 3).flatMap((n) => [`初${n}`, `高${n}`]),
];

/**
 * SPEC §2: default status lists. A list in the config replaces its default.
 * Suspended and completed are parts of *left* (SPEC §5 `no_active_registration`):
 * 休学/保留学籍 are approved absences; 毕业/结业 complete compulsory education on
 * grades 7–9. `povertyInSchool` lists 在校生状况 values that say "in school", so that
 * `inspect` can name the values in neither list.
 */
export const DEFAULT_STATUSES = {
  registryActive: ['在读', '在校', '正常', '在籍在校', '在籍', '复学', '转入', '留级', '请假'],
  registryDropout: ['辍学', '失学', '在籍离校', '退学', '开除'],
  registryLeft: ['转出', '转学', '毕业', '结业', '肄业', '死亡', '休学', '保留学籍', '其他离校'],
  registrySuspended: ['休学', '保留学籍'],
  registryCompleted: ['毕业', '结业'],
  householdLiving: ['正常', '0', ''],
  householdDeceased: ['死亡', '1'],
  householdGone: ['迁出', '2', '出国（境）定居', '4', '注销', '8', '删除', '7'],
  povertyOutOfSchool: ['非在校生', '辍学', '失学'],
  povertyInSchool: [
    '在校生',
    '在校',
    '在读',
    '学前教育',
    '学龄前儿童',
    '学龄前',
    '幼儿园',
    '小学',
    '一至九年级',
    '初中',
    '高中',
    '中职',
    '高职',
    '高职高专',
    '中专',
    '技工院校',
    '大专',
    '本科',
    '大专及以上',
    '本科及以上',
    '研究生',
    '硕士研究生',
    '博士研究生',
    '特殊教育',
    '送教上门',
    ...SCHOOL_STATUS_GRADES,
  ],
} as const satisfies Record<string, readonly string[]>;
export type StatusListName = keyof typeof DEFAULT_STATUSES;
export const STATUS_LIST_NAMES = Object.keys(DEFAULT_STATUSES) as StatusListName[];

/** SPEC §3: school age in completed years on the reference day, inclusive. */
export const DEFAULT_SCHOOL_AGE = { min: 6, max: 15 } as const;

/** Encodings a CSV may be read in; GBK and GB2312 are subsets of GB18030. */
export type Encoding = 'utf-8' | 'gb18030';
const ENCODING_ALIASES: Readonly<Record<string, Encoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
};

/** The encoding a name stands for, or null. An own-key lookup: "constructor" or "__proto__" is no encoding. */
export function encodingNamed(name: string): Encoding | null {
  const key = name.toLowerCase();
  return Object.hasOwn(ENCODING_ALIASES, key) ? ENCODING_ALIASES[key]! : null;
}

/** The names --encoding and the config accept. */
export const ENCODING_NAMES: readonly string[] = Object.keys(ENCODING_ALIASES);
