import type { Text } from '../index.js';

/** The config file and the settings of a run (SPEC §6). */
export const configMessages = {
  'config.file_missing': {
    zh: '配置文件 {file}：找不到——请检查 --config 的路径',
    en: 'config file {file}: file not found — check the --config path',
  },
  'config.file_unreadable': {
    zh: '配置文件 {file}：无法读取——请检查文件权限和 --config 的路径',
    en: 'config file {file}: cannot be read — check the --config path',
  },
  'config.not_json': {
    zh: '配置文件 {file}：第 {line} 行第 {column} 列不是有效的 JSON：{detail}——请修正语法；整个文件必须是一个 JSON 对象',
    en: 'config file {file}: not valid JSON at line {line}, column {column}: {detail} — fix the syntax; the file must be one JSON object',
  },
  'config.not_json_at_end': {
    zh: '配置文件 {file}：JSON 不完整，文件提前结束：{detail}——请检查是否缺少 }、] 或引号',
    en: 'config file {file}: the JSON ends early: {detail} — check for a missing }, ] or quote',
  },
  'config.full_width': {
    zh: '第 {line} 行第 {column} 列有全角字符 {char}（输入法打出的），JSON 只认半角的 " 和 ,，请改成半角',
    en: 'line {line}, column {column} has the full-width character {char} (typed by an input method); JSON needs the half-width " and , so retype it',
  },
  'config.problems': { zh: '配置文件 {file} 有{problems}：\n{list}', en: 'config file {file} has {problems}:\n{list}' },
  'config.one_problem': { zh: '一处问题', en: 'a problem' },
  'config.many_problems': { zh: ' {count} 处问题', en: '{count} problems' },
  'config.unknown_key': { zh: '{path}：不认识的键', en: '{path}: unknown key' },
  'config.unknown_key_hint': { zh: '{path}：不认识的键（您是不是要写 "{hint}"？）', en: '{path}: unknown key (did you mean "{hint}"?)' },
  'config.invalid_value': { zh: '{path}：{detail}', en: '{path}: {detail}' },
  'config.top_level': { zh: '（顶层）', en: '(top level)' },
  'config.encoding_choice': {
    zh: '不认识的编码，请用 utf-8、utf8、utf-8-bom、gb18030、gbk、gb2312、cp936 之一',
    en: 'expected one of utf-8, utf8, utf-8-bom, gb18030, gbk, gb2312, cp936',
  },
  'config.county_code': { zh: '应为 6 位数字的县级代码，如 "341324"', en: 'expected a 6-digit county code such as "341324"' },
  'config.school_age_order': { zh: 'min 不能大于 max', en: 'min must not be greater than max' },
  'config.bad_as_of': {
    zh: '--as-of {value}：不是有效的日期——请写成 2026-09-15、2026/9/15、20260915 或 2026年9月15日',
    en: '--as-of {value}: not a calendar date — write it as 2026-09-15, 2026/9/15, 20260915 or 2026年9月15日',
  },
  'config.bad_county': {
    zh: '--county {value}：应为 6 位数字的身份证号前缀，多个用逗号分隔，如 --county 341324,341302',
    en: '--county {value}: expected 6-digit ID prefixes separated by commas, e.g. --county 341324,341302',
  },
  'config.bad_encoding': {
    zh: '{where} {value}：不认识的编码——请用 {encodings} 之一',
    en: '{where} {value}: unknown encoding — use one of {encodings}',
  },
} satisfies Record<string, Text>;
