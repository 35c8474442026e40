import type { Category, Flag, Reason, SourceName } from '../domain/index.js';
import type { RejectReason } from '../load/index.js';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const CATEGORY_LABELS: Labels<Category> = {
  enrolled_absent: { zh: '在籍不在校', en: 'Enrolled but absent' },
  unregistered_school_age: { zh: '适龄未入学', en: 'School-age, not registered' },
  missing_id: { zh: '无身份证号/证号有误', en: 'Missing or wrong ID number' },
  empty_registration: { zh: '空挂学籍', en: 'Empty (ghost) registration' },
  identity_mismatch: { zh: '身份信息不一致', en: 'Identity mismatch' },
  review: { zh: '待人工核实', en: 'For review' },
};

export const REASON_LABELS: Labels<Reason> = {
  poverty_out_of_school: { zh: '防返贫监测显示非在校', en: 'poverty roll says out of school' },
  not_checked_in: { zh: '开学未报到', en: 'not checked in at school' },
  registry_dropout: { zh: '学籍标注辍学', en: 'registry says dropped out' },
  no_registry_record: { zh: '无学籍记录', en: 'no registry record' },
  no_active_registration: { zh: '学籍均已离校（转出、毕业未升学等），无在读学籍', en: 'every registration says the child left; none active' },
  id_empty: { zh: '身份证号为空', en: 'ID number empty' },
  id_malformed: { zh: '身份证号格式错误', en: 'ID number malformed' },
  id_bad_region: { zh: '身份证号地区码错误', en: 'ID number region code wrong' },
  id_bad_date: { zh: '身份证号出生日期错误', en: 'ID number birth date wrong' },
  id_bad_checksum: { zh: '身份证号校验位错误', en: 'ID number check digit wrong' },
  id_differs: { zh: '学籍身份证号与户籍不符', en: 'registry ID differs from household ID' },
  no_household_record: { zh: '户籍中未找到（可能需入户）', en: 'not in the household register (may need 入户)' },
  id_not_in_household: { zh: '本县身份证号不在户籍中', en: 'county ID not in the household register' },
  person_deceased: { zh: '户籍显示已死亡', en: 'household register says deceased' },
  duplicate_registration: { zh: '一人多个在读学籍', en: 'more than one active registration' },
  name_differs: { zh: '姓名不一致', en: 'name differs' },
  gender_differs: { zh: '性别不一致', en: 'gender differs' },
  birth_date_differs: { zh: '出生日期不一致', en: 'birth date differs' },
  ambiguous_match: { zh: '多个同等候选人', en: 'several equally good candidates' },
  weak_match: { zh: '仅姓名同音', en: 'names only sound alike' },
};

export const FLAG_LABELS: Labels<Flag> = {
  poverty: { zh: '建档立卡/监测对象', en: 'poverty roll' },
  disabled: { zh: '残疾', en: 'disabled' },
  left_behind: { zh: '留守儿童', en: 'left behind' },
  migrant: { zh: '随迁子女', en: 'migrant' },
  parent_incarcerated: { zh: '服刑人员子女', en: 'parent incarcerated' },
  junior_middle: { zh: '初中', en: 'junior middle' },
};

export const SOURCE_LABELS: Labels<SourceName> = {
  registry: { zh: '学籍', en: 'registry' },
  household: { zh: '户籍', en: 'household' },
  poverty: { zh: '监测', en: 'poverty' },
  attendance: { zh: '报到', en: 'attendance' },
};

export const REJECT_LABELS: Labels<RejectReason> = {
  blank_row: { zh: '空行', en: 'blank row' },
  field_count: { zh: '列数与表头不符', en: 'wrong number of fields' },
  unclosed_quote: { zh: '引号未闭合', en: 'quote never closed' },
  broken_quotes: { zh: '引号错乱', en: 'broken quotes' },
  repeated_header: { zh: '重复表头', en: 'header repeated' },
  no_identity: { zh: '无身份证号、姓名、学籍号', en: 'no ID, name or student number' },
};

export const RULE_LABELS: Labels<'id_exact' | 'id_fuzzy' | 'name_birth'> = {
  id_exact: { zh: '身份证号一致', en: 'same ID number' },
  id_fuzzy: { zh: '身份证号相近且姓名相符', en: 'near ID number, matching name' },
  name_birth: { zh: '姓名与出生日期一致', en: 'same name and birth date' },
};

/** Column headers of the category CSVs and sheets. */
export const COLUMN_LABELS = {
  case_id: { zh: '案例编号', en: 'case_id' },
  category: { zh: '类别', en: 'category' },
  reasons: { zh: '原因', en: 'reasons' },
  flags: { zh: '重点群体', en: 'flags' },
  township: { zh: '乡镇', en: 'township' },
  village: { zh: '村', en: 'village' },
  school: { zh: '学校', en: 'school' },
  grade: { zh: '年级', en: 'grade' },
  class: { zh: '班级', en: 'class' },
  student_no: { zh: '学籍号', en: 'student_no' },
  name: { zh: '姓名', en: 'name' },
  id_number: { zh: '身份证号', en: 'id_number' },
  gender: { zh: '性别', en: 'gender' },
  birth_date: { zh: '出生日期', en: 'birth_date' },
  guardians: { zh: '监护人', en: 'guardians' },
  household_no: { zh: '户号', en: 'household_no' },
  suggested_id: { zh: '建议身份证号', en: 'suggested_id' },
  registry_values: { zh: '学籍值', en: 'registry_values' },
  household_values: { zh: '户籍值', en: 'household_values' },
  records: { zh: '来源记录', en: 'records' },
  match: { zh: '匹配依据', en: 'match' },
  candidates: { zh: '候选人', en: 'candidates' },
} as const;
export type Column = keyof typeof COLUMN_LABELS;

/** The words of report.xlsx's summary and review sheets. */
export const WORKBOOK_LABELS = {
  summary: { zh: '摘要', en: 'Summary' },
  reviewDetail: { zh: '核实对照', en: 'Review detail' },
  asOf: { zh: '统计日期', en: 'As of' },
  reference: { zh: '年龄基准日', en: 'Reference day' },
  county: { zh: '本县身份证前缀', en: 'County ID prefixes' },
  inferred: { zh: '（自动推断）', en: ' (inferred)' },
  inputs: { zh: '输入文件', en: 'Input files' },
  source: { zh: '来源', en: 'Source' },
  file: { zh: '文件', en: 'File' },
  read: { zh: '读取行数', en: 'Rows read' },
  accepted: { zh: '采用', en: 'Accepted' },
  rejected: { zh: '未采用', en: 'Rejected' },
  links: { zh: '匹配方式', en: 'Links by rule' },
  review: { zh: '待核实', en: 'Review' },
  unlinked: { zh: '未匹配', en: 'Unlinked' },
  cases: { zh: '案例', en: 'Cases' },
  category: { zh: '类别', en: 'Category' },
  count: { zh: '数量', en: 'Count' },
  total: { zh: '合计', en: 'Total' },
  township: { zh: '乡镇', en: 'Township' },
  school: { zh: '学校', en: 'School' },
  unknown: { zh: '（未填）', en: '(none)' },
  role: { zh: '角色', en: 'Role' },
  record: { zh: '待核实记录', en: 'Record' },
  candidate: { zh: '候选人', en: 'Candidate' },
  householdNo: { zh: '户号', en: 'Household no.' },
  agreement: { zh: '比对', en: 'Comparison' },
} as const;


export function label<K extends string>(labels: Labels<K>, key: K, lang: Lang): string {
  return labels[key][lang];
}

export function genderLabel(gender: 'male' | 'female' | null, lang: Lang): string {
  if (!gender) return '';
  if (lang === 'en') return gender;
  return gender === 'male' ? '男' : '女';
}

export function rowLabel(source: SourceName, row: number, lang: Lang): string {
  return lang === 'zh' ? `${SOURCE_LABELS[source].zh}第${row}行` : `${source} row ${row}`;
}

/** What separates several values in one cell. */
export function listSeparator(lang: Lang): string {
  return lang === 'zh' ? '；' : '; ';
}
