import { EVIDENCE_FIELDS, type Evidence, type EvidenceField, type FieldComparison, type IdComparison } from '../domain/index.js';
import { t, type Lang } from '../i18n/index.js';

// Structured evidence (domain/evidence.ts) becomes words only here, at the report
// stage (STYLE 13): 中文 for the CSVs and the workbook, English with --lang en.

/** "身份证号：第11–12位颠倒；姓名：一致；…" */
export function evidenceText(evidence: Evidence, lang: Lang): string {
  return EVIDENCE_FIELDS.map((field) =>
    t('evidence.pair', lang, { field: fieldName(field, lang), value: comparisonText(evidence, field, lang) }),
  ).join(t('evidence.separator', lang));
}

export function fieldName(field: EvidenceField, lang: Lang): string {
  return t(`evidence.field.${field}`, lang);
}

/** How one field compared, in words. */
export function comparisonText(evidence: Evidence, field: EvidenceField, lang: Lang): string {
  return field === 'id_number' ? idComparisonText(evidence.id_number, lang) : levelText(evidence[field], lang);
}

function levelText(comparison: FieldComparison, lang: Lang): string {
  return t(`evidence.level.${comparison.level}`, lang);
}

function idComparisonText(comparison: IdComparison, lang: Lang): string {
  const [first, second] = comparison.positions ?? [];
  switch (comparison.level) {
    case 'equal':
    case 'not_compared':
      return t(`evidence.level.${comparison.level}`, lang);
    case 'one_substitution':
      return first === 18 ? t('evidence.id.check_character', lang) : t('evidence.id.one_substitution', lang, { position: first ?? 0 });
    case 'transposition':
      return t('evidence.id.transposition', lang, { first: first ?? 0, second: second ?? 0 });
    case 'two_substitutions':
      return t('evidence.id.two_substitutions', lang, { first: first ?? 0, second: second ?? 0 });
  }
}
