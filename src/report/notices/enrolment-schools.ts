import type { SourceRecord } from '../../domain/index.js';
import { foldText, isJuniorMiddleGrade } from '../../normalize/index.js';

/** 小学 (grades 1–6) or 初中 (grades 7–9). */
export type Stage = 'primary' | 'junior';

/** Township → stage → the schools with active registrations of that stage. */
export type EnrolmentSchools = ReadonlyMap<string, Readonly<Record<Stage, readonly string[]>>>;

/**
 * The schools a township has for each stage, from the registry's active
 * registrations (SPEC §11 "the school to enrol at, when known"): a notice names the
 * school only where the township has exactly one school of the child's stage.
 */
export function collectEnrolmentSchools(registry: readonly SourceRecord[]): EnrolmentSchools {
  const found = new Map<string, Record<Stage, Set<string>>>();
  for (const record of registry) {
    if (record.statusKind !== 'active' || !record.township || !record.school) continue;
    const stage = gradeStage(record.grade) ?? nameStage(record.school);
    if (!stage) continue;
    let stages = found.get(record.township);
    if (!stages) found.set(record.township, (stages = { primary: new Set(), junior: new Set() }));
    stages[stage].add(record.school);
  }
  const schools = new Map<string, Record<Stage, string[]>>();
  for (const [township, stages] of found) schools.set(township, { primary: [...stages.primary].sort(), junior: [...stages.junior].sort() });
  return schools;
}

/** The one school of `stage` in `township`, or null when there are none or several. */
export function enrolmentSchool(schools: EnrolmentSchools, township: string, stage: Stage): string | null {
  const list = schools.get(township)?.[stage] ?? [];
  return list.length === 1 ? list[0]! : null;
}

/** SPEC §3 school age → stage: 6–11 on the reference day is 小学, 12 and older 初中 (age-appropriate placement). */
export function stageForAge(age: number): Stage {
  return age >= 12 ? 'junior' : 'primary';
}

const PRIMARY_GRADE = /^(?:[1-6]|1[1-6]|[一二三四五六])$/;

/** The stage of a grade as registries write it (四年级, 4, 学籍 code 14, 初二, 21). */
export function gradeStage(grade: string): Stage | null {
  if (grade === '') return null;
  if (isJuniorMiddleGrade(grade)) return 'junior';
  return PRIMARY_GRADE.test(foldText(grade).replace(/年级$/, '')) ? 'primary' : null;
}

/** A school whose grades say nothing: its name may (某某小学, 某某初级中学). A 九年一贯制 school is named by its grades. */
function nameStage(school: string): Stage | null {
  if (/小学$/.test(school)) return 'primary';
  if (/(初级中学|初中)$/.test(school)) return 'junior';
  return null;
}

const GRADE_NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A grade as a parent reads it: 学籍 codes (14, 21) and bare numbers become 四年级, 七年级. */
export function gradeText(grade: string): string {
  const text = foldText(grade);
  let n = 0;
  if (/^[1-9]$/.test(text)) n = Number(text);
  else if (/^1[1-6]$/.test(text)) n = Number(text) - 10;
  else if (/^2[1-3]$/.test(text)) n = Number(text) - 14;
  return n > 0 ? `${GRADE_NAMES[n]}年级` : grade;
}
