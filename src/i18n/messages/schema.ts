import type { Text } from '../index.js';

/** A file's header row against what its source needs (SPEC §1, §6). */
export const schemaMessages = {
  'schema.missing_fields': {
    zh: '{file}：{source}文件（表头在第 {row} 行）{what}：\n{list}\n  找到的表头：{found}',
    en: '{file}: {what} missing from the {source} file (header on row {row}):\n{list}\n  headers found: {found}',
  },
  'schema.one_missing': { zh: '缺少一个必需字段', en: 'a required field is' },
  'schema.many_missing': { zh: '缺少 {count} 个必需字段', en: '{count} required fields are' },
  'schema.missing_field': {
    zh: '  必需字段 {names} 没有找到——如果文件中的列名不同，请在配置文件中对应：{key} = "<文件中的列名>"',
    en: '  required field {names} not found — if the file names it differently, map it in the config file: {key} = "<header in the file>"',
  },
  'schema.field_or': { zh: ' 或 ', en: ' or ' },
  'schema.none': { zh: '（无）', en: '(none)' },
  'schema.other_source': {
    zh: '{file}：这个文件的表头（{headers}）看起来是{found}，不是{expected}——是不是把文件给错了选项？{found}请用 --{found_flag} 指定',
    en: '{file}: its headers ({headers}) look like a {found}, not a {expected} — was the file given to the wrong option? A {found} goes with --{found_flag}',
  },
  'schema.duplicate_header': {
    zh: '{file}：表头（第 {row} 行）有 {count} 列都叫“{header}”：{columns}——无法确定该读哪一列；请删除多余的那一列或给它改名，再运行',
    en: '{file}: the header (row {row}) has {count} columns named "{header}": {columns} — which one to read cannot be known; delete the extra column or rename it, then run again',
  },
  'schema.column': { zh: '第 {number} 列（{letter} 列）', en: 'column {number} ({letter})' },
} satisfies Record<string, Text>;
