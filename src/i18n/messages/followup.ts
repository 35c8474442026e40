import type { Text } from '../index.js';

/** SPEC §9: follow-up packs out, results back, period reports. */
export const followupMessages = {
  // Packs (待跟进).
  'followup.sheet.pending': { zh: '待跟进', en: 'To follow up' },
  'followup.pack.title': {
    zh: '{unit} 待跟进案例（截至 {as_of}，共 {count} 件）——灰色列请勿改动；在白色列填写跟进情况，每行一次跟进',
    en: '{unit}: cases to follow up (as of {as_of}, {count} cases) — leave the grey columns as they are; fill in the white ones, one follow-up per row',
  },
  'followup.pack.unnamed_township': { zh: '未填乡镇', en: 'no township' },
  'followup.pack.unnamed_school': { zh: '未填学校', en: 'no school' },
  'followup.col.suggested_id': { zh: '建议身份证号', en: 'Suggested ID number' },
  'followup.col.registry_values': { zh: '学籍值', en: 'Registry says' },
  'followup.col.household_values': { zh: '户籍值', en: 'Household register says' },
  'followup.col.guardians': { zh: '监护人', en: 'Guardians' },
  'followup.col.household_no': { zh: '户号', en: 'Household no.' },
  'followup.col.class': { zh: '班级', en: 'Class' },
  'followup.col.last_date': { zh: '最近跟进日期', en: 'Last follow-up date' },
  'followup.col.last_kind': { zh: '最近跟进类型', en: 'Last follow-up kind' },
  'followup.col.last_outcome': { zh: '最近结论', en: 'Last outcome' },
  'followup.col.nights': { zh: '已持续（次运行）', en: 'Nights open' },
  'followup.guardians.none': { zh: '户籍中未找到监护人', en: 'no guardian in the household register' },
  'followup.validation.title': { zh: '请从列表中选择', en: 'Choose from the list' },
  'followup.validation.error': { zh: '只能填写列表中的值', en: 'Only the values of the list can be entered' },
  'followup.validation.date_title': { zh: '请填写日期', en: 'Enter a date' },
  'followup.validation.date': {
    zh: '请填写日期（如 2026-09-21），不早于 {earliest}，不能晚于今天',
    en: 'Enter a date (e.g. 2026-09-21), from {earliest} on and not after today',
  },

  // Import: what is wrong with a returned pack (file, sheet, row, column, what).
  'followup.import.problem': {
    zh: '{file}，工作表「{sheet}」，第 {row} 行，「{column}」列：{what}',
    en: '{file}, sheet "{sheet}", row {row}, column "{column}": {what}',
  },
  'followup.import.file_problem': { zh: '{file}：{what}', en: '{file}: {what}' },
  'followup.import.unreadable': {
    zh: '无法作为 Excel 工作簿读取（文件已损坏，或不是 .xlsx 格式）——请在 Excel 或 WPS 中另存为 .xlsx 后重新导入',
    en: 'cannot be read as an Excel workbook (it is damaged, or not an .xlsx file) — save it as .xlsx in Excel or WPS and import again',
  },
  'followup.import.no_key_column': {
    zh: '没有任何工作表的表头含「案例编号」——这不是跟进表，或表头被改动；请使用 rollcall 生成的跟进表',
    en: 'no sheet has a "案例编号" (case id) header — this is not a follow-up pack, or its header was changed; use a pack rollcall wrote',
  },
  'followup.import.missing_column': {
    zh: '工作表「{sheet}」缺少「{column}」列——请恢复该列（可以隐藏或移动，但不能删除或改名）',
    en: 'sheet "{sheet}" has no "{column}" column — put it back (columns may be hidden or moved, not deleted or renamed)',
  },
  'followup.import.duplicate_column': {
    zh: '工作表「{sheet}」有两列都叫「{column}」——请删除多余的一列',
    en: 'sheet "{sheet}" has two "{column}" columns — delete the extra one',
  },
  'followup.import.other_ledger': {
    zh: '这份跟进表来自另一个台账（编号 {pack_ledger}），不是 {ledger}（编号 {ledger_id}）——请导入到生成它的台账，或使用本台账生成的跟进表。未导入任何内容',
    en: 'this pack comes from another ledger (id {pack_ledger}), not {ledger} (id {ledger_id}) — import it into the ledger that wrote it, or use a pack this ledger wrote. Nothing was imported',
  },
  'followup.import.unknown_run': {
    zh: '这份跟进表由 {as_of} 的运行生成，但台账中没有这次运行（最近一次为 {latest}）——台账可能从备份恢复过；请用最近一次运行生成的跟进表重新填写。未导入任何内容',
    en: 'this pack was written by the run of {as_of}, which the ledger does not have (latest: {latest}) — the ledger may have been restored from a backup; fill in a pack of the latest run. Nothing was imported',
  },
  'followup.import.older_run': {
    zh: '{file}：这份跟进表由 {as_of} 的运行生成，台账最近一次运行为 {latest}；跟进记录按填写的日期记入',
    en: "{file}: this pack was written by the run of {as_of}, the ledger's latest run is {latest}; entries are recorded with the dates written",
  },
  'followup.import.no_identity': {
    zh: '{file}：没有 rollcall 跟进表的标识（可能是另制的表格）；按案例编号逐行核对后导入',
    en: '{file}: carries no rollcall pack identity (perhaps a sheet made by hand); rows are checked by case id',
  },
  'followup.import.done': {
    zh: '{file}：新增跟进记录 {added} 条，已导入过 {known} 条，未填写的行 {blank} 行',
    en: '{file}: entries added: {added}, already imported: {known}, rows left blank: {blank}',
  },
  'followup.import.conflict': {
    zh: '注意：案例 {case_id} 在 {date} 的结论相互矛盾（{files}）——同一天以销号结论为准，现按「{outcome}」处理；如有误，请补录一条日期更晚的跟进记录更正',
    en: 'note: case {case_id} has conflicting outcomes on {date} ({files}) — on the same day a closing outcome prevails, so "{outcome}" stands; if that is wrong, record a later follow-up entry to correct it',
  },
  'followup.import.refused': {
    zh: '{file}：有 {count} 处问题，整份文件未导入——请改正后重新导入：',
    en: '{file}: problems: {count}; nothing of this file was imported — correct them and import again:',
  },
  'followup.import.failed': {
    zh: '{count} 个文件有问题，未导入——见上面列出的每一处问题',
    en: 'files with problems, not imported: {count} — see each problem listed above',
  },

  // Row problems.
  'followup.row.unknown_case': {
    zh: '台账中没有案例编号「{value}」——案例编号不能改动；请从 rollcall 生成的跟进表复制',
    en: 'the ledger has no case "{value}" — case ids must not be edited; copy it from a pack rollcall wrote',
  },
  'followup.row.required': { zh: '未填写——这一列必须填写', en: 'empty — this column must be filled in' },
  'followup.row.not_in_list': {
    zh: '「{value}」不在列表中——请从下拉列表中选择：{allowed}',
    en: '"{value}" is not in the list — choose one of: {allowed}',
  },
  'followup.row.bad_date': {
    zh: '「{value}」不是日期——请写成 2026-09-21 这样的日期',
    en: '"{value}" is not a date — write it as 2026-09-21',
  },
  'followup.row.future_date': {
    zh: '{value} 晚于今天（{today}）——跟进日期不能是将来的日期',
    en: '{value} is after today ({today}) — a follow-up date cannot be in the future',
  },
  'followup.row.early_date': {
    zh: '{value} 早于 {earliest}——请核对年份，跟进日期不能早于 {earliest}',
    en: '{value} is before {earliest} — check the year; a follow-up date cannot be before {earliest}',
  },
  'followup.row.close_without_outcome': {
    zh: '跟进类型为「销号」，但结论「{value}」不能销号——销号须写明：{allowed}',
    en: 'kind is close (销号) but the outcome "{value}" does not close a case — a close needs one of: {allowed}',
  },

  // `ledger record`, `ledger show`.
  'followup.record.added': { zh: '已记入案例 {case_id} 的跟进记录：{entry}', en: 'entry added to case {case_id}: {entry}' },
  'followup.record.known': {
    zh: '案例 {case_id} 已有完全相同的跟进记录，未重复记入',
    en: 'case {case_id} already has this very entry; nothing added',
  },
  'followup.record.refused': { zh: '跟进记录有问题，未记入：', en: 'the entry has problems and was not added:' },
  'followup.record.problem': { zh: '--{option}：{what}', en: '--{option}: {what}' },
  'followup.record.invalid': { zh: '跟进记录未记入——见上面列出的问题', en: 'the entry was not added — see the problems listed above' },
  'followup.show.unknown': {
    zh: '台账 {file} 中没有案例 {case_id}——请核对案例编号',
    en: 'the ledger {file} has no case {case_id} — check the case id',
  },
  'followup.show.heading': {
    zh: '案例 {case_id}（{category}），{township} {school}',
    en: 'Case {case_id} ({category}), {township} {school}',
  },
  'followup.show.seen': {
    zh: '首次发现 {first_seen}，最后一次发现 {last_seen}，共被发现 {nights} 次',
    en: 'first seen {first_seen}, last seen {last_seen}, nights found: {nights}',
  },
  'followup.show.nights': { zh: '每次运行的状态：', en: 'State on each run:' },
  'followup.show.entries': { zh: '跟进记录（{count} 条）：', en: 'Follow-up entries ({count}):' },
  'followup.show.no_entries': { zh: '暂无跟进记录', en: 'no follow-up entries yet' },
  'followup.show.now': { zh: '当前：{state}', en: 'Now: {state}' },
  'followup.show.closed': { zh: '已于 {date} 销号（{outcome}）', en: 'closed on {date} ({outcome})' },
  'followup.show.closed_next': {
    zh: '已于 {date} 销号（{outcome}），下次运行起生效（不再列入清单）',
    en: 'closed on {date} ({outcome}), taking effect from the next run (left out of the lists)',
  },
  'followup.show.reopened': {
    zh: '曾于 {date} 销号（{outcome}），销号后证据有变化，重新列入跟进',
    en: 'closed on {date} ({outcome}), but its evidence has changed since: back on the lists to follow up',
  },
  'followup.show.open': { zh: '未销号', en: 'open' },
  'followup.show.open_next': {
    zh: '未销号（之后的记录撤回了销号，下次运行起重新列入清单）',
    en: 'open (a later entry took the closing back: back on the lists from the next run)',
  },
  'followup.show.confirmed': { zh: '已认定：{outcome}（列入辍学学生台账）', en: 'confirmed: {outcome} (on the dropout ledger)' },

  // Period reports (学校一月一报告, 一季度一复核).
  'followup.report.month_title': { zh: '学校一月一报告', en: 'Monthly school report' },
  'followup.report.quarter_title': { zh: '一季度一复核', en: 'Quarterly county review' },
  'followup.report.heading': {
    zh: '{title}：{period}（{from} 至 {to}），台账截至 {as_of}',
    en: '{title}: {period} ({from} to {to}), ledger as of {as_of}',
  },
  'followup.report.by_school': { zh: '按学校', en: 'By school' },
  'followup.report.by_township': { zh: '按乡镇', en: 'By township' },
  'followup.report.total': { zh: '合计', en: 'Total' },
  'followup.report.col.found': { zh: '本期新发现', en: 'Found this period' },
  'followup.report.col.confirmed': { zh: '认定辍学或未入学', en: 'Confirmed' },
  'followup.report.col.persuasions': { zh: '劝返次数', en: 'Persuasion entries' },
  'followup.report.col.returned': { zh: '已复学', en: 'Returned' },
  'followup.report.col.closed': { zh: '销号合计', en: 'Closed, all outcomes' },
  'followup.report.col.closed_by': { zh: '销号：{outcome}', en: 'Closed: {outcome}' },
  'followup.report.col.still_open': { zh: '期末未销号', en: 'Still open at period end' },
  'followup.report.written': { zh: '已写出 {file}', en: 'written {file}' },
  'followup.report.bad_month': { zh: '--month {value}：请写成 2026-09 这样的年月', en: '--month {value}: write it as 2026-09' },
  'followup.report.bad_quarter': { zh: '--quarter {value}：请写成 2026Q3 这样的季度', en: '--quarter {value}: write it as 2026Q3' },
  'followup.report.period_needed': {
    zh: '请给出 --month YYYY-MM 或 --quarter YYYYQn 中的一个',
    en: 'give one of --month YYYY-MM or --quarter YYYYQn',
  },
  'followup.ledger_needed': { zh: '请用 --ledger FILE 指明台账文件', en: 'name the ledger file with --ledger FILE' },
} satisfies Record<string, Text>;
