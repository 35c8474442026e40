import type { FieldName } from '../domain/index.js';

/** SPEC §1: headers recognised without config, per canonical field, in order of preference. */
export const HEADER_SYNONYMS: Readonly<Record<FieldName, readonly string[]>> = {
  id_number: ['身份证号', '身份证号码', '身份证件号', '身份证件号码', '公民身份号码', '证件号码', '证件号'],
  id_type: ['身份证件类型', '证件类型'],
  name: ['姓名', '学生姓名', '成员姓名'],
  gender: ['性别'],
  birth_date: ['出生日期', '出生年月日'],
  student_no: ['全国学籍号', '学籍号', '学籍辅号'],
  school: ['学校名称', '学校', '就读学校'],
  school_code: ['学校标识码', '学校代码'],
  grade: ['年级'],
  class: ['班级'],
  status: ['学籍状态', '人员状态', '户籍状态'],
  township: ['乡镇', '乡镇（街道）', '乡镇街道', '所在乡镇', '所属乡镇'],
  village: ['村', '行政村', '村（社区）', '村居', '所在村'],
  household_no: ['户号', '户编号'],
  relation: ['与户主关系'],
  school_status: ['在校生状况', '在校生情况', '就学状况'],
  dropout_flag: ['是否义务教育阶段适龄儿童少年失学辍学', '是否失学辍学'],
  disabled: ['是否残疾', '残疾类型', '残疾情况'],
  left_behind: ['是否留守儿童'],
  migrant: ['是否随迁子女', '是否进城务工人员随迁子女'],
  parent_incarcerated: ['是否服刑人员未成年子女'],
};

/** SPEC §2: default status lists. A list in the config replaces its default. */
export const DEFAULT_STATUSES = {
  registryActive: ['在读', '在校', '正常'],
  registryDropout: ['辍学', '失学'],
  registryLeft: ['转出', '转学', '毕业', '结业', '死亡', '休学'],
  householdLiving: ['正常', '0', ''],
  householdDeceased: ['死亡', '1'],
  householdGone: ['迁出', '2', '出国（境）定居', '4', '注销', '8', '删除', '7'],
  povertyOutOfSchool: ['非在校生', '辍学', '失学'],
} as const;
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
