import type { Text } from '../index.js';

/** How a record compares with a person (SPEC §4 evidence), as report/ renders it. */
export const evidenceMessages = {
  'evidence.field.id_number': { zh: '身份证号', en: 'ID number' },
  'evidence.field.name': { zh: '姓名', en: 'name' },
  'evidence.field.gender': { zh: '性别', en: 'gender' },
  'evidence.field.birth_date': { zh: '出生日期', en: 'birth date' },
  'evidence.field.township': { zh: '乡镇', en: 'township' },
  'evidence.level.equal': { zh: '一致', en: 'equal' },
  'evidence.level.sound_alike': { zh: '同音', en: 'sounds alike' },
  'evidence.level.differs': { zh: '不一致', en: 'differs' },
  'evidence.level.missing': { zh: '一方未填', en: 'missing on one side' },
  'evidence.level.not_compared': { zh: '未比较（一方无有效证号）', en: 'not compared (no usable ID on one side)' },
  'evidence.id.one_substitution': { zh: '第{position}位不同', en: 'digit {position} differs' },
  'evidence.id.check_character': { zh: '校验位不同', en: 'check character differs' },
  'evidence.id.transposition': { zh: '第{first}–{second}位颠倒', en: 'digits {first}–{second} transposed' },
  'evidence.id.two_substitutions': { zh: '第{first}、{second}位不同', en: 'digits {first} and {second} differ' },
  'evidence.pair': { zh: '{field}：{value}', en: '{field}: {value}' },
  'evidence.rule_with_evidence': { zh: '{rule}（{evidence}）', en: '{rule} ({evidence})' },
  'evidence.separator': { zh: '；', en: '; ' },
} satisfies Record<string, Text>;
