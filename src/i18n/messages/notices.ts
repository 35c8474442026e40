import type { Text } from '../index.js';

/**
 * Guardians in the case lists (SPEC §11) and the 劝返复学通知书 (notices). A notice
 * goes to a family in China and is always rendered in 中文 (it quotes Chinese law);
 * the English texts serve a reader of the code and `--lang en` case lists.
 */
export const noticesMessages = {
  'notices.ledger_note': {
    zh: 'rollcall 已生成书面通知书（报告文件夹 notices/），待送达监护人',
    en: 'rollcall wrote the written notice (notices/ in the report folder), to be delivered to the guardians',
  },
  'notices.residence.household': {
    zh: '户籍登记在{township}{village}',
    en: 'registered in the household register of {township} {village}',
  },
  'notices.residence.poverty': {
    zh: '列入{township}{village}防返贫监测对象家庭成员名单',
    en: 'on the poverty-monitoring roll of {township} {village}',
  },
  'cli.option.notices': {
    zh: '写出 notices/<乡镇>.docx：给每个孩子的监护人的劝返复学/入学通知书',
    en: 'write notices/<township>.docx: a notice to the guardians of each child (return to school / enrol)',
  },
  'notices.guardians.no_household': {
    zh: '未找到监护人（户籍中无此儿童或无户号）',
    en: 'no guardian found (child not in the household register, or no household number)',
  },
  'notices.guardians.no_living_adult': {
    zh: '未找到监护人（户内无在世成年人）',
    en: 'no guardian found (no living adult in the household)',
  },
  'notices.guardians.not_determined': {
    zh: '未找到监护人（按与户主关系无法确定，请核实）',
    en: 'no guardian found (the relation to the head names none; check)',
  },
  'notices.addressee_missing': {
    zh: '＿＿＿＿＿＿＿＿（户籍登记中未找到该儿童的监护人，请核实后填写）',
    en: '________ (the household register names no guardian of this child; fill in after checking)',
  },
  'notices.blank': { zh: '＿＿＿＿＿＿＿＿＿＿', en: '__________' },
  'notices.fact.poverty_out_of_school': {
    zh: '防返贫监测（建档立卡）信息登记其为非在校生',
    en: 'the poverty roll records the child as not in school',
  },
  'notices.fact.not_checked_in': {
    zh: '本学期开学时未到校报到',
    en: 'the child did not check in at school at the start of term',
  },
  'notices.fact.registry_dropout': {
    zh: '学生学籍系统登记其已辍学（失学）',
    en: 'the student registry records the child as dropped out',
  },
  'notices.fact.no_registry_record': {
    zh: '已到义务教育入学年龄（{age}周岁），但学生学籍系统中没有其在读学籍',
    en: 'the child is of compulsory-school age ({age}) but has no registration in the student registry',
  },
  'notices.fact.no_active_registration': {
    zh: '学籍已转出、毕业或离校，但本县学生学籍系统中没有其新的在读学籍',
    en: 'the registration was transferred out, completed or left, with no new registration in the county',
  },
  'notices.fact.other': { zh: '经核查存在未按时入学或复学的情况', en: 'the records show the child is not in school' },
  'notices.template_missing': {
    zh: '通知书模板 {file} 不存在——请检查配置文件中 notice.template 的路径（相对于配置文件所在文件夹），或删除该项以使用内置模板',
    en:
      'notice template {file} does not exist — check notice.template in the config file (relative to the config file’s folder), ' +
      'or remove it to use the built-in template',
  },
  'notices.template_unreadable': {
    zh: '通知书模板 {file} 不是可用的 Word 文档（.docx）：{detail}——请用 Word 或 WPS 另存为 .docx 后重试',
    en: 'notice template {file} is not a usable Word document (.docx): {detail} — save it as .docx from Word or WPS and try again',
  },
  'notices.template_syntax': {
    zh: '通知书模板 {file} 的占位符格式有误：{detail}——请检查每个 { 都有配对的 }，每个 {#名称} 都有对应的 {/名称}',
    en:
      'notice template {file}: placeholders are not well formed: {detail} — ' +
      'check that every { has its }, and every {#name} its {/name}',
  },
  'notices.template_no_loop': {
    zh: '通知书模板 {file} 中没有 {#notices}…{/notices} 循环——每份通知书的内容须放在这对标记之间（见 docs/REFERENCE.md“通知书模板”）',
    en:
      'notice template {file} has no {#notices}…{/notices} loop — ' +
      'put the content of one notice between these tags (see docs/REFERENCE.md, 通知书模板)',
  },
  'notices.template_unknown_tags': {
    zh: '通知书模板 {file} 中有未知的占位符：{tags}——可用的占位符：{known}',
    en: 'notice template {file} has unknown placeholders: {tags} — the placeholders you can use: {known}',
  },
} satisfies Record<string, Text>;
