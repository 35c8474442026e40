import { t, type Text } from '../i18n/index.js';

// SPEC §1: the four sources and the canonical fields every reader maps to.

export const SOURCE_NAMES = ['registry', 'household', 'poverty', 'attendance'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** A source as a message names it: its 中文 name in zh (学籍系统导出), its code in English (registry). */
export function sourceText(source: SourceName): Text {
  return { zh: t(`report.source_long.${source}`, 'zh'), en: source };
}

export const FIELD_NAMES = [
  'id_number',
  'id_type',
  'name',
  'gender',
  'birth_date',
  'student_no',
  'school',
  'school_code',
  'grade',
  'class',
  'status',
  'township',
  'village',
  'household_no',
  'relation',
  'school_status',
  'not_in_school_reason',
  'dropout_flag',
  'disabled',
  'left_behind',
  'migrant',
  'parent_incarcerated',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/**
 * SPEC §1 "Required": each entry is a field, or a list of which at least one must
 * be present (registry: school or school_code; attendance: id_number or student_no).
 * A household export without `status` (a 常住人口 view) lists only the living.
 */
export const REQUIRED_FIELDS: Record<SourceName, readonly (FieldName | readonly FieldName[])[]> = {
  registry: ['name', 'id_number', 'status', ['school', 'school_code']],
  household: ['name', 'id_number'],
  poverty: ['name', 'id_number'],
  attendance: [['id_number', 'student_no']],
};
