import type { Text } from '../index.js';

/** SPEC §8–§10: the ledger (台账). */
const ledgerTexts = {
  'ledger.too_new': {
    zh: '台账 {file} 的结构版本为 {found}，而本程序只认识到 {known}——请升级 rollcall 后再运行',
    en: 'ledger {file} has schema version {found}, this rollcall knows up to {known} — upgrade rollcall',
  },
  'ledger.unwritable': {
    zh: '无法创建台账 {file}：{reason}——请检查目录是否存在、是否有写权限',
    en: 'cannot create the ledger {file}: {reason} — check that the folder exists and can be written',
  },
  'ledger.unreadable': {
    zh: '无法打开台账 {file}：{reason}——该文件可能不是 rollcall 台账或已损坏；可从 {file}.bak 中的备份恢复',
    en: 'cannot open the ledger {file}: {reason} — it may not be a rollcall ledger or is damaged; restore a backup from {file}.bak',
  },
  'ledger.missing': {
    zh: '台账 {file} 不存在——请检查路径（台账在第一次带 --ledger 运行 reconcile 时创建）',
    en: 'ledger {file} does not exist — check the path (a ledger is created by the first reconcile with --ledger)',
  },
  'ledger.unknown_case': {
    zh: '台账 {file} 中没有这个案例编号——请核对案例编号',
    en: 'the ledger {file} has no case with this case id — check the case id',
  },
  'ledger.close_without_outcome': {
    zh: '销号必须写明可以销号的结论（已复学、在外地就读、送教上门、延缓入学或休学、误报、已死亡、出国出境、已迁出）——台账 {file} 未改动',
    en: 'a close (销号) needs a closing outcome (returned, studying_elsewhere, home_tuition, deferred, false_alarm, deceased, abroad, moved_out) — ledger {file} unchanged',
  },
  'ledger.backwards': {
    zh: '--as-of {as_of} 早于台账 {file} 最近一次运行的日期 {latest}——台账只能向前记；请用 {latest} 或更晚的日期',
    en: '--as-of {as_of} is earlier than the latest run in the ledger {file} ({latest}) — runs go forward; use {latest} or later',
  },
  'ledger.shrink': {
    zh: '{source}（{file}）可用行数从上次的 {before} 行降到 {now} 行（减少 {percent}%，超过 {limit}%）——文件可能没有导出完整；请重新导出，或确认无误后加 --accept-shrink 再运行。未写入任何内容',
    en: '{source} ({file}) fell from {before} accepted rows last run to {now} ({percent}% fewer, more than {limit}%) — the export may be incomplete; export it again, or if it is right run again with --accept-shrink. Nothing was written',
  },
  'ledger.verify.integrity': { zh: 'SQLite 完整性检查失败：{detail}', en: 'SQLite integrity check failed: {detail}' },
  'ledger.verify.foreign_key': {
    zh: '{table} 中有指向 {parent} 中不存在记录的行',
    en: '{table} has rows pointing at missing rows of {parent}',
  },
  'ledger.verify.state': {
    zh: '{run} 的运行中案例 {case_id} 的状态 {state} 无法由前一次运行和跟进记录推出',
    en: 'in the run of {run}, case {case_id} has state {state}, which does not follow from the run before and the follow-up entries',
  },
  'ledger.verify.orphan': {
    zh: '案例 {case_id} 既没有任何一晚的记录，也没有跟进记录',
    en: 'case {case_id} has neither a night nor a follow-up entry',
  },
  'ledger.verify.count': {
    zh: '{run} 的运行记录了 {category} {recorded} 条，但台账中只有 {found} 条',
    en: 'the run of {run} recorded {recorded} {category} cases, the ledger holds {found}',
  },
  'ledger.verify.run_changes': {
    zh: '{run} 的运行记录的 {what} 为 {recorded}，按当晚的记录应为 {found}',
    en: 'the run of {run} recorded {what} as {recorded}, its nights say {found}',
  },
  'ledger.verify.case_nights': {
    zh: '案例 {case_id} 记为出现 {recorded} 晚、自 {since} 起未结，按运行记录应为 {found} 晚、自 {found_since} 起',
    en: 'case {case_id} is recorded as seen {recorded} nights, open since {since}; the runs say {found} nights, open since {found_since}',
  },
  'ledger.verify.last_seen': {
    zh: '案例 {case_id} 的最后出现日期记为 {recorded}，按运行记录应为 {found}',
    en: 'case {case_id} is recorded as last seen {recorded}, the runs say {found}',
  },
  'ledger.verify.ok': {
    zh: '台账 {file} 完好：{runs} 次运行，{cases} 个案例，{entries} 条跟进记录',
    en: 'ledger {file} is sound: {runs} runs, {cases} cases, {entries} follow-up entries',
  },
  'ledger.verify.bad': { zh: '台账 {file} 有 {count} 处问题：', en: 'ledger {file} has {count} problems:' },
  'ledger.summary.heading': {
    zh: '与上次运行（{previous}）相比：新增 {new}，已消除 {resolved}，持续 {open}（其中已持续超过 7 天 {overdue}）',
    en: 'Since the previous run ({previous}): new {new}, resolved {resolved}, still open {open} (open for more than 7 days: {overdue})',
  },
  'ledger.summary.first': {
    zh: '台账的第一次运行：新增 {new}',
    en: 'First run of the ledger: new {new}',
  },
  'ledger.summary.more': {
    zh: '重新出现 {reopened}，已销号（不再列入清单）{closed}',
    en: 'reopened {reopened}, closed (left out of the lists) {closed}',
  },
  'ledger.summary.col.township': { zh: '乡镇', en: 'Township' },
  'ledger.summary.col.new': { zh: '新增', en: 'new' },
  'ledger.summary.col.resolved': { zh: '已消除', en: 'resolved' },
  'ledger.summary.col.open': { zh: '持续', en: 'open' },
  'ledger.summary.col.overdue': { zh: '超7天', en: '>7 days' },
  'ledger.summary.none': { zh: '（未填）', en: '(none)' },
  'ledger.option.ledger': {
    zh: '台账文件（SQLite），记录每晚的运行与案例状态',
    en: 'the ledger file (SQLite) that keeps runs and case states from night to night',
  },
} satisfies Record<string, Text>;

/** Labels of the ledger's sheets (SPEC §10) and of its codes. */
const ledgerLabels = {
  'ledger.sheet.children': { zh: '适龄儿童台账', en: 'School-age children' },
  'ledger.sheet.suspected': { zh: '疑似辍学学生台账', en: 'Suspected dropouts' },
  'ledger.sheet.dropouts': { zh: '辍学学生台账', en: 'Dropouts' },
  'ledger.sheet.resolved': { zh: '已消除', en: 'Resolved' },
  'ledger.dropouts.unseen': {
    zh: '数据中已不再出现（最后发现 {date}），待核实销号',
    en: 'no longer in the data (last seen {date}); to be verified and closed',
  },
  'ledger.sheet.closed': { zh: '已销号', en: 'Closed' },
  'ledger.col.case_id': { zh: '案例编号', en: 'Case id' },
  'ledger.col.state': { zh: '状态', en: 'State' },
  'ledger.col.first_seen': { zh: '首次发现', en: 'First seen' },
  'ledger.col.nights': { zh: '发现次数', en: 'Nights seen' },
  'ledger.col.category': { zh: '类别', en: 'Category' },
  'ledger.col.reasons': { zh: '原因', en: 'Reasons' },
  'ledger.col.township': { zh: '乡镇', en: 'Township' },
  'ledger.col.village': { zh: '村（社区）', en: 'Village' },
  'ledger.col.school': { zh: '学校', en: 'School' },
  'ledger.col.grade': { zh: '年级', en: 'Grade' },
  'ledger.col.name': { zh: '姓名', en: 'Name' },
  'ledger.col.id_number': { zh: '身份证号', en: 'ID number' },
  'ledger.col.gender': { zh: '性别', en: 'Gender' },
  'ledger.col.birth_date': { zh: '出生日期', en: 'Birth date' },
  'ledger.col.flags': { zh: '重点群体', en: 'Focus groups' },
  'ledger.col.standing': { zh: '当前情况', en: 'Where the child stands' },
  'ledger.col.persuasions': { zh: '劝返次数', en: 'Persuasion visits' },
  'ledger.col.entries': { zh: '跟进次数', en: 'Follow-up entries' },
  'ledger.col.last_entry': { zh: '最近跟进', en: 'Latest follow-up' },
  'ledger.col.confirmed': { zh: '认定', en: 'Confirmed as' },
  'ledger.col.status': { zh: '是否销号', en: 'Closed' },
  'ledger.col.date': { zh: '跟进日期', en: 'Date' },
  'ledger.col.kind': { zh: '跟进类型', en: 'Kind' },
  'ledger.col.method': { zh: '方式', en: 'Method' },
  'ledger.col.outcome': { zh: '结论', en: 'Outcome' },
  'ledger.col.by': { zh: '经办人', en: 'By' },
  'ledger.col.note': { zh: '说明', en: 'Note' },
  'ledger.col.resolved_on': { zh: '消除日期', en: 'Resolved on' },
  'ledger.col.closed_on': { zh: '销号日期', en: 'Closed on' },
  'ledger.standing.enrolled': { zh: '在读', en: 'At school' },
  'ledger.standing.suspected': { zh: '疑似', en: 'Suspected' },
  'ledger.standing.none': { zh: '未在学籍中', en: 'Not in the registry' },
  'ledger.standing.suspended': { zh: '休学或保留学籍', en: 'Suspended (registration kept)' },
  'ledger.standing.completed': { zh: '已完成义务教育（毕业或结业）', en: 'Completed compulsory education' },
  'ledger.standing.unknown': { zh: '学籍状态待核实（不在任何状态列表中）', en: 'Registry status to check (in no status list)' },
  'ledger.standing.dropout': { zh: '学籍显示辍学', en: 'Registry says dropped out' },
  'ledger.standing.left': { zh: '已离校（转出等），无新学籍', en: 'Left (transferred out etc.), no new registration' },
  'ledger.state.new': { zh: '新增', en: 'new' },
  'ledger.state.open': { zh: '持续', en: 'open' },
  'ledger.state.reopened': { zh: '重新出现', en: 'reopened' },
  'ledger.state.closed': { zh: '已销号', en: 'closed' },
  'ledger.kind.verify': { zh: '核实', en: 'verify' },
  'ledger.kind.persuade': { zh: '劝返', en: 'persuade' },
  'ledger.kind.close': { zh: '销号', en: 'close' },
  'ledger.method.phone': { zh: '电话', en: 'phone' },
  'ledger.method.home_visit': { zh: '家访', en: 'home visit' },
  'ledger.method.written_notice': { zh: '书面通知', en: 'written notice' },
  'ledger.method.township_order': { zh: '乡镇责令限期改正', en: 'township order' },
  'ledger.method.court_document': { zh: '司法文书', en: 'court document' },
  'ledger.method.other': { zh: '其他', en: 'other' },
  'ledger.outcome.confirmed_dropout': { zh: '确认辍学', en: 'confirmed dropout' },
  'ledger.outcome.confirmed_unregistered': { zh: '确认未入学', en: 'confirmed not enrolled' },
  'ledger.outcome.data_error': { zh: '数据有误', en: 'data error' },
  'ledger.outcome.still_out': { zh: '未复学', en: 'still out' },
  'ledger.outcome.returned': { zh: '已复学', en: 'returned' },
  'ledger.outcome.studying_elsewhere': { zh: '在外地就读', en: 'studying elsewhere' },
  'ledger.outcome.home_tuition': { zh: '送教上门', en: 'home tuition' },
  'ledger.outcome.deferred': { zh: '延缓入学或休学', en: 'deferred' },
  'ledger.outcome.false_alarm': { zh: '误报', en: 'false alarm' },
  'ledger.outcome.deceased': { zh: '已死亡', en: 'deceased' },
  'ledger.outcome.abroad': { zh: '出国出境', en: 'abroad' },
  'ledger.outcome.moved_out': { zh: '已迁出', en: 'moved out' },
} satisfies Record<string, Text>;

export const ledgerMessages = {
  'cli.ledger.description': { zh: '台账文件的命令', en: 'commands on the ledger (台账) file' },
  'cli.ledger.verify': {
    zh: '检查台账：SQLite 完整性检查和台账自身的规则（正常退出码 0，有问题 2）',
    en: "check the ledger: SQLite's integrity check and the ledger's own rules (exit 0 sound, 2 problems)",
  },
  'cli.ledger.file': { zh: '台账文件', en: 'the ledger file' },
  'cli.ledger.import': {
    zh: '把交回的跟进包（待跟进工作簿）的跟进记录加入台账；任何一行有问题的文件整个不导入（退出码 2）',
    en: 'add the follow-up of returned packs (待跟进 workbooks) to the ledger; a file with any problem adds nothing (exit 2)',
  },
  'cli.ledger.import_files': { zh: '交回的跟进包（.xlsx），文件名、顺序不限', en: 'returned packs (.xlsx), any name, any order' },
  'cli.ledger.config': { zh: '写有台账路径（"ledger"）的配置文件', en: 'a config file naming the ledger ("ledger")' },
  'cli.ledger.record': {
    zh: '向台账添加一条跟进记录，检查方式与跟进包的一行相同',
    en: 'add one follow-up entry to the ledger, checked like a pack row',
  },
  'cli.ledger.case': { zh: '案例编号', en: 'the case id (案例编号)' },
  'cli.ledger.date': {
    zh: '跟进日期，YYYY-MM-DD，不早于 2000-01-01，不晚于今天',
    en: 'the day of the follow-up, YYYY-MM-DD, from 2000-01-01 on and not after today',
  },
  'cli.ledger.kind': { zh: '跟进类型：核实、劝返或销号', en: '跟进类型: 核实, 劝返 or 销号 (or verify, persuade, close)' },
  'cli.ledger.method': {
    zh: '方式：电话、家访、书面通知、乡镇责令限期改正、司法文书、其他',
    en: '方式: 电话, 家访, 书面通知, 乡镇责令限期改正, 司法文书, 其他',
  },
  'cli.ledger.outcome': {
    zh: '结论：确认辍学、确认未入学、数据有误、未复学、已复学、在外地就读、送教上门、延缓入学或休学、误报、已死亡、出国出境、已迁出',
    en: '结论: 确认辍学, 已复学, 在外地就读 … (see docs/REFERENCE.md)',
  },
  'cli.ledger.note': { zh: '说明（自由文字）', en: '说明 (a note)' },
  'cli.ledger.by': { zh: '经办人', en: '经办人: who did it' },
  'cli.ledger.show': { zh: '一个案例的历史：出现的夜晚、状态、跟进记录', en: "a case's history: nights seen, states, follow-up entries" },
  'cli.ledger.report': {
    zh: '学校一月一报告（--month YYYY-MM）或一季度一复核（--quarter YYYYQn）：按学校和乡镇，取自台账',
    en: '学校一月一报告 (--month YYYY-MM) or 一季度一复核 (--quarter YYYYQn): per school and township, from the ledger',
  },
  'cli.ledger.month': { zh: '月份，YYYY-MM', en: 'the month, YYYY-MM' },
  'cli.ledger.quarter': { zh: '季度，YYYYQn', en: 'the quarter, YYYYQn' },
  'cli.ledger.out': { zh: '写入工作簿的文件夹', en: 'folder to write the workbook into' },
  'cli.option.people_unless_next': {
    zh: '户籍人数，如 20000（除非给出 --next，否则必需）',
    en: 'household persons, e.g. 20000 (required unless --next)',
  },
  'cli.option.next': {
    zh: '在 <dir> 中写出该县的下一晚（部分案例已解决，部分为新案例），并附每个案例预期的台账状态',
    en: 'write the next night of the county in <dir> (some cases fixed, some new), with each case’s expected ledger state',
  },
  'cli.generate.next_done': {
    zh: '已生成 {out}：{previous} 的下一晚——新增 {new}，持续 {open}，已消除 {resolved}，两晚之间销号 {close}',
    en: 'generated {out}: the night after {previous} — new {new}, open {open}, resolved {resolved}, to close between the nights {close}',
  },
  'cli.generate.next_not_a_county': {
    zh: '--next {dir}：不是 rollcall generate 生成的县（没有可读的 truth.json）',
    en: '--next {dir}: not a county made by rollcall generate (no readable truth.json)',
  },
  'cli.generate.next_from_first_night': {
    zh: '--next {dir}：这已是某县的下一晚；--next 只能从 generate 生成的第一晚出发（请给第一晚的文件夹）',
    en: '--next {dir}: this is already a next night; --next starts from the first night generate made (give that folder)',
  },
  'cli.generate.next_bad_as_of': {
    zh: '--as-of {as_of}：下一晚必须晚于 {previous}，且在同一学年内',
    en: '--as-of {as_of}: the next night must come after {previous}, in the same school year',
  },
  'cli.generate.people_required': {
    zh: '--people：必需（或用 --next DIR 生成某县的下一晚）',
    en: '--people: required (or --next DIR for the next night of a county)',
  },
  'cli.option.ledger': {
    zh: '台账文件（SQLite），逐晚保存运行记录、案例状态和跟进记录',
    en: 'the ledger (SQLite) that keeps runs, case states and follow-up from night to night',
  },
  'cli.option.accept_shrink': {
    zh: '即使某个来源的行数比上次运行少很多也照常运行（会记录在本次运行上）',
    en: 'run even though a source has far fewer rows than in the latest run (recorded on the run)',
  },
  ...ledgerTexts,
  ...ledgerLabels,
} satisfies Record<string, Text>;
