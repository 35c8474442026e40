import type { Text } from '../index.js';

/** The command line: help, commander's own errors, progress, inspect, the terminal summary. */
export const cliMessages = {
  // Help: commands
  'cli.program.description': {
    zh: '控辍保学：比对学籍、户籍、防返贫监测和开学报到名单，找出失学辍学、未入学和学籍有问题的适龄儿童少年',
    en: 'Find children out of compulsory education (控辍保学) by reconciling the student registry, the household register, the poverty roll and the check-in roster',
  },
  'cli.reconcile.description': {
    zh: '比对各来源，找出所有需要处理的案例（在籍不在校、适龄未入学、证号有误、空挂学籍、身份信息不一致、待人工核实），写出报告',
    en: 'link the sources, find every case to act on (enrolled but absent, school-age not registered, wrong IDs, empty registrations, identity mismatches, for review) and write the reports',
  },
  'cli.inspect.description': {
    zh: '只读取不比对：显示每个输入文件将如何读取（格式、编码、表头对应、行数、身份证号情况）',
    en: 'show how each input file will be read: format, encoding, header mapping, rows, ID states',
  },
  'cli.generate.description': {
    zh: '生成一个虚拟县的数据（各导出文件和 truth.json），用于测试、演示和性能测试',
    en: 'write a synthetic county (exports and truth.json) for tests, the demo and the benchmark',
  },
  // Help: options
  'cli.option.registry': { zh: '学籍系统导出文件，.csv 或 .xlsx', en: 'student registry export (学籍系统), .csv or .xlsx' },
  'cli.option.household': { zh: '户籍人口库导出文件，.csv 或 .xlsx', en: 'household register export (户籍), .csv or .xlsx' },
  'cli.option.poverty': {
    zh: '建档立卡/防返贫监测对象名单，.csv 或 .xlsx（可选）',
    en: 'poverty-assistance roll (建档立卡/防返贫监测), .csv or .xlsx (optional)',
  },
  'cli.option.attendance': {
    zh: '开学报到名单，.csv 或 .xlsx（可选）',
    en: 'school check-in roster (开学报到名单), .csv or .xlsx (optional)',
  },
  'cli.option.as_of': {
    zh: '统计日期，如 2026-09-15、2026/9/15、20260915 或 2026年9月15日（默认：今天）',
    en: 'the day the reconciliation is for, e.g. 2026-09-15, 2026/9/15, 20260915 or 2026年9月15日 (default: today)',
  },
  'cli.option.county': {
    zh: '本县身份证号前 6 位，多个用逗号分隔（默认：户籍中最常见的前缀）',
    en: "the county's 6-digit ID prefixes, comma separated (default: the most frequent household prefix)",
  },
  'cli.option.config': {
    zh: 'JSON 配置文件（列名、编码、工作表、状态列表、义务教育年龄）',
    en: 'JSON config file (column names, encodings, sheets, status lists, school age)',
  },
  'cli.option.encoding': {
    zh: '所有 CSV 都按此编码读取，不自动识别（utf-8、gb18030、gbk）',
    en: 'read every CSV in this encoding instead of detecting it (utf-8, gb18030, gbk)',
  },
  'cli.option.log_level': {
    zh: '在标准错误输出此级别及以上的 JSON 日志（默认：终端上不输出，定时任务中为 info）',
    en: 'JSON log lines on stderr at this level and above (default: none on a terminal, info under cron)',
  },
  'cli.option.lang': { zh: '界面和报告的语言：zh 中文，en 英文', en: 'language of messages and reports: zh Chinese, en English' },
  'cli.option.out': { zh: '报告文件夹，每次运行整体、原子地替换', en: 'report folder, replaced whole and atomically on every run' },
  'cli.option.mask_ids': {
    zh: '在 CSV 和工作簿中隐去身份证号中间几位（341324********1234）',
    en: 'mask ID numbers in the CSVs and the workbook (341324********1234)',
  },
  'cli.option.reconcile_json': { zh: '在标准输出打印 JSON 摘要，而不是表格', en: 'print the summary as JSON on stdout instead of a table' },
  'cli.option.inspect_json': { zh: '输出一个 JSON 对象，而不是文字', en: 'print one JSON object instead of text' },
  'cli.option.people': { zh: '户籍人数，如 20000', en: 'household persons, e.g. 20000' },
  'cli.option.seed': { zh: '随机种子：相同种子生成相同文件', en: 'random seed: the same seed gives the same files' },
  'cli.option.generate_out': { zh: '写出导出文件和 truth.json 的文件夹', en: 'folder for the exports and truth.json' },
  'cli.option.generate_as_of': { zh: '生成数据所对应的日期（默认：今天）', en: 'the day the county is generated for (default: today)' },
  'cli.option.flavor': {
    zh: 'clean：UTF-8 CSV；messy：GB18030、BOM+CRLF、XLSX、写法混杂',
    en: 'clean: UTF-8 CSVs; messy: GB18030, BOM+CRLF, XLSX, mixed spellings',
  },
  'cli.option.help': { zh: '显示帮助', en: 'display help for command' },
  'cli.option.version': { zh: '显示版本号', en: 'output the version number' },
  'cli.option.help_command': { zh: '显示某个命令的帮助', en: 'display help for command' },
  // Help: commander's words
  'cli.help.usage': { zh: '用法：', en: 'Usage:' },
  'cli.help.options': { zh: '选项：', en: 'Options:' },
  'cli.help.commands': { zh: '命令：', en: 'Commands:' },
  'cli.help.arguments': { zh: '参数：', en: 'Arguments:' },
  'cli.help.global_options': { zh: '全局选项：', en: 'Global Options:' },
  'cli.help.default': { zh: '默认：{value}', en: 'default: {value}' },
  'cli.help.choices': { zh: '可选：{values}', en: 'choices: {values}' },
  'cli.help.options_word': { zh: '[选项]', en: '[options]' },
  'cli.help.command_word': { zh: '[命令]', en: '[command]' },
  // Commander's errors
  'cli.error.unknown_option': { zh: '不认识的选项 {flag}', en: 'unknown option {flag}' },
  'cli.error.did_you_mean': { zh: '——您是不是要用 {flag}？', en: ' — did you mean {flag}?' },
  'cli.error.missing_option': { zh: '缺少必需的选项 {flag}', en: 'required option {flag} not specified' },
  'cli.error.option_value_missing': { zh: '选项 {flag} 后面缺少值', en: 'option {flag} needs a value' },
  'cli.error.invalid_choice': {
    zh: '选项 {flag} 的值 {value} 无效，可选：{choices}',
    en: 'option {flag}: {value} is not allowed; use one of {choices}',
  },
  'cli.error.unknown_command': {
    zh: '没有命令 {command}，可用的命令：{commands}',
    en: 'unknown command {command}; the commands are {commands}',
  },
  'cli.error.excess_arguments': {
    zh: '多余的参数：{args}——每个文件都要写在对应的选项后面，如 --registry 学籍.xlsx',
    en: 'unexpected arguments: {args} — give every file after its option, e.g. --registry registry.xlsx',
  },
  'cli.error.other': { zh: '命令行有误：{detail}', en: 'command line: {detail}' },
  'cli.error.see_help': { zh: '运行 {command} --help 查看用法', en: '— run {command} --help for the usage' },
  // Commands' own usage errors
  'cli.inspect.no_input': {
    zh: 'inspect：没有给出输入文件——请至少用 --registry、--household、--poverty 或 --attendance 指定一个',
    en: 'inspect: no input file given — name at least one with --registry, --household, --poverty or --attendance',
  },
  'cli.generate.bad_people': {
    zh: '--people {value}：应为 1000 到 20000000 之间的整数',
    en: '--people {value}: expected a whole number from 1000 to 20000000',
  },
  'cli.generate.bad_seed': { zh: '--seed {value}：应为非负整数', en: '--seed {value}: expected a whole number' },
  'cli.generate.done': {
    zh: '已生成 {out}：{files}、truth.json——户籍 {household} 人，学籍 {registry} 条，监测对象 {poverty} 人，预期案例 {cases} 个',
    en: 'generated {out}: {files}, truth.json — {household} household persons, {registry} registrations, {poverty} poverty members, {cases} expected cases',
  },
  // Progress (a terminal only)
  'cli.progress': { zh: '正在读取{source}（{file}）：{percent}%', en: 'reading {source} ({file}): {percent}%' },
  'cli.progress_many': { zh: '正在读取：{files}', en: 'reading: {files}' },
  'cli.progress_part': { zh: '{source} {percent}%', en: '{source} {percent}%' },
  // The terminal summary after a run
  'cli.run.heading': {
    zh: 'rollcall {as_of}（年龄基准日 {reference_day}），本县身份证前缀 {prefixes}',
    en: 'rollcall {as_of} (reference day {reference_day}), county prefixes {prefixes}',
  },
  'cli.run.inferred': { zh: '（自动推断）', en: ' (inferred)' },
  'cli.run.cases': { zh: '案例', en: 'Cases' },
  'cli.run.total': { zh: '合计', en: 'Total' },
  'cli.run.of_which_closed': {
    zh: '其中已销号 {count} 件：不在各类别清单和跟进包中（见 report.xlsx 的“已销号”表）',
    en: 'of which closed: {count}, in no category list nor pack (report.xlsx, sheet Closed)',
  },
  'cli.run.townships': { zh: '案例最多的乡镇', en: 'Townships with the most cases' },
  'cli.run.no_township': { zh: '（未填）', en: '(none)' },
  'cli.run.unknown_statuses': {
    zh: '注意：{source}有 {rows} 行的状态不在任何状态列表中，这些行既不算在读也不算在户——请运行 rollcall inspect，并在配置文件的 statuses 中补充',
    en: 'Note: {rows} {source} rows have a status in no status list and count as neither active nor living — run rollcall inspect and add the texts to "statuses" in the config file',
  },
  'cli.run.no_roster_schools': {
    zh: '注意：{count} 所学校有在读学籍但不在开学报到名单中，它们的“开学未报到”无法核查（见 report.xlsx 摘要表）',
    en: 'Note: {count} schools have active registrations but no row in the check-in roster; their not_checked_in could not be checked (see the summary sheet of report.xlsx)',
  },
  'cli.run.rejected': { zh: '未采用的输入行：{rows}（见 rejected.csv）', en: 'Input rows not used: {rows} (see rejected.csv)' },
  'cli.run.reports': { zh: '报告：{out}（{files}）', en: 'Reports: {out} ({files})' },
  'cli.run.list_separator': { zh: '、', en: ', ' },
  // inspect's text
  'cli.inspect.format_csv': { zh: 'CSV，{encoding}（{how}）', en: 'CSV, {encoding} ({how})' },
  'cli.inspect.encoding_forced': { zh: '按指定编码', en: 'as told' },
  'cli.inspect.encoding_detected': { zh: '自动识别', en: 'detected' },
  'cli.inspect.format_xlsx': { zh: 'XLSX，工作表“{sheet}”', en: 'XLSX, sheet "{sheet}"' },
  'cli.inspect.label_format': { zh: '格式', en: 'format' },
  'cli.inspect.label_header': { zh: '表头', en: 'header' },
  'cli.inspect.label_fields': { zh: '字段', en: 'fields' },
  'cli.inspect.label_unused': { zh: '未使用的列', en: 'not used' },
  'cli.inspect.label_rows': { zh: '行数', en: 'rows' },
  'cli.inspect.label_ids': { zh: '身份证号', en: 'ID numbers' },
  'cli.inspect.label_dates': { zh: '出生日期', en: 'birth dates' },
  'cli.inspect.label_genders': { zh: '性别', en: 'genders' },
  'cli.inspect.label_yes_no': { zh: '是/否', en: 'yes/no' },
  'cli.inspect.label_statuses': { zh: '状态', en: 'statuses' },
  'cli.inspect.header_row': { zh: '第 {row} 行', en: 'row {row}' },
  'cli.inspect.header_title': { zh: '（上面的行作为标题跳过）', en: ' (rows above it are skipped as a title)' },
  'cli.inspect.none': { zh: '（无）', en: '(none)' },
  'cli.inspect.rows': {
    zh: '读取 {read} · 采用 {accepted} · 未采用 {rejected}',
    en: 'read {read} · accepted {accepted} · rejected {rejected}',
  },
  'cli.inspect.no_status': {
    zh: '没有状态列：视为文件中所有人都在户（如常住人口视图）',
    en: 'no status column: everyone in the file counts as living (as in a 常住人口 view)',
  },
  'cli.inspect.id_state.valid': { zh: '有效', en: 'valid' },
  'cli.inspect.id_state.empty': { zh: '为空', en: 'empty' },
  'cli.inspect.id_state.malformed': { zh: '格式错误', en: 'malformed' },
  'cli.inspect.id_state.bad_region': { zh: '地区码错误', en: 'bad_region' },
  'cli.inspect.id_state.bad_date': { zh: '出生日期错误', en: 'bad_date' },
  'cli.inspect.id_state.bad_checksum': { zh: '校验位错误', en: 'bad_checksum' },
  'cli.inspect.id_state.other_document': { zh: '其他证件', en: 'other_document' },
  'cli.inspect.digits_lost': {
    zh: '{count} 个在表格中被存成了数字，后几位已丢失——导出时请把身份证号列设为文本',
    en: '{count} lost their digits in a numeric spreadsheet cell — export the ID column as text',
  },
  'cli.inspect.bad_dates': { zh: '{count} 个无法识别（第 {rows} 行）', en: '{count} could not be read (rows {rows})' },
  'cli.inspect.bad_genders': { zh: '{count} 个无法识别', en: '{count} could not be read' },
  'cli.inspect.bad_yes_no': {
    zh: '{count} 个既不是“是”也不是“否”（按“否”处理）',
    en: '{count} values are neither yes nor no (read as no)',
  },
  'cli.inspect.unknown_statuses': { zh: '不在任何状态列表中：{list}', en: 'not in any status list: {list}' },
  'cli.inspect.unknown_statuses_hint': {
    zh: '——这些行既不算在读也不算在户；请把这些文字加到配置文件的 "statuses" 中',
    en: '— such rows count as neither active nor living; add the texts to "statuses" in the config file',
  },
  'cli.inspect.empty_status': { zh: '（空）', en: '(empty)' },
} satisfies Record<string, Text>;
