import type { Text } from '../index.js';

// The words of every report a clerk reads (SPEC §7): category, reason, flag,
// source, rule and column names, the workbook's sheets, and the 说明 sheet's
// explanations (what a value means and what to do about it). Codes stay English
// in cases.jsonl and summary.json; these are their names for people.

export const reportMessages = {
  // Categories (SPEC §5)
  'report.category.enrolled_absent': { zh: '在籍不在校', en: 'Enrolled but absent' },
  'report.category.unregistered_school_age': { zh: '适龄未入学', en: 'School-age, not registered' },
  'report.category.missing_id': { zh: '无身份证号/证号有误', en: 'Missing or wrong ID number' },
  'report.category.empty_registration': { zh: '空挂学籍', en: 'Empty (ghost) registration' },
  'report.category.identity_mismatch': { zh: '身份信息不一致', en: 'Identity mismatch' },
  'report.category.review': { zh: '待人工核实', en: 'For review' },

  'report.explain.category.enrolled_absent': {
    zh: '有在读学籍，但有迹象表明孩子不在学校（监测显示非在校、开学未报到或学籍标注辍学）。请学校和乡镇核实孩子是否在校；确已失学辍学的，启动劝返复学。',
    en: 'An active registration, but signs that the child is not at school (poverty roll says out of school, not checked in, or the registry says dropped out). The school and township verify; a child who has dropped out is persuaded to return.',
  },
  'report.explain.category.unregistered_school_age': {
    zh: '户籍或监测名单中的适龄儿童少年，在学籍系统中没有学籍或没有在读学籍。请乡镇和村核实孩子在哪里上学；外地就读的取得证明，未入学的督促入学。',
    en: 'A school-age child in the household register or on the poverty roll with no registration, or no active one. The township and village find out where the child studies; a child studying elsewhere gets proof, a child not enrolled is enrolled.',
  },
  'report.explain.category.missing_id': {
    zh: '在读学籍的身份证号为空或有误。请学校对照户口簿更正学籍系统中的身份证号；有“建议身份证号”时先核对它。',
    en: 'An active registration whose ID number is empty or wrong. The school corrects it in the student registry from the household booklet; check the suggested ID first where there is one.',
  },
  'report.explain.category.empty_registration': {
    zh: '学籍可能是空挂的：本县身份证号在户籍中找不到、户籍显示已死亡，或同一人有多个在读学籍。请学校核实学生是否真实在校，清理重复或虚假学籍。',
    en: 'A registration that may be empty: a county ID the household register does not have, a person recorded as deceased, or one person registered more than once. The school checks that the student is real and at school, and removes duplicate or false registrations.',
  },
  'report.explain.category.identity_mismatch': {
    zh: '身份证号一致，但学籍与户籍的姓名、性别或出生日期不同。请学校对照户口簿更正学籍信息（或由派出所更正户籍）。',
    en: 'The ID numbers agree but the name, gender or birth date differ between the registry and the household register. The school corrects the registry from the household booklet (or the police station corrects the register).',
  },
  'report.explain.category.review': {
    zh: '系统无法确定对应哪个户籍人员（多个同样合适的候选人，或仅姓名同音）。请在“核实对照”表中逐一比对，人工确定是谁。',
    en: 'rollcall could not tell which household person this is (several equally good candidates, or names that only sound alike). Compare them on the Review detail sheet and decide by hand.',
  },

  // Reasons (SPEC §5)
  'report.reason.poverty_out_of_school': { zh: '防返贫监测显示非在校', en: 'poverty roll says out of school' },
  'report.reason.not_checked_in': { zh: '开学未报到', en: 'not checked in at school' },
  'report.reason.registry_dropout': { zh: '学籍标注辍学', en: 'registry says dropped out' },
  'report.reason.no_registry_record': { zh: '无学籍记录', en: 'no registry record' },
  'report.reason.no_active_registration': { zh: '无在读学籍', en: 'no active registration' },
  'report.reason.id_empty': { zh: '身份证号为空', en: 'ID number empty' },
  'report.reason.id_malformed': { zh: '身份证号格式错误', en: 'ID number malformed' },
  'report.reason.id_bad_region': { zh: '身份证号地区码错误', en: 'ID number region code wrong' },
  'report.reason.id_bad_date': { zh: '身份证号出生日期错误', en: 'ID number birth date wrong' },
  'report.reason.id_bad_checksum': { zh: '身份证号校验位错误', en: 'ID number check digit wrong' },
  'report.reason.id_differs': { zh: '学籍身份证号与户籍不符', en: 'registry ID differs from household ID' },
  'report.reason.no_household_record': { zh: '户籍中未找到（可能需入户）', en: 'not in the household register (may need 入户)' },
  'report.reason.id_not_in_household': { zh: '本县身份证号不在户籍中', en: 'county ID not in the household register' },
  'report.reason.person_deceased': { zh: '户籍显示已死亡', en: 'household register says deceased' },
  'report.reason.duplicate_registration': { zh: '一人多个在读学籍', en: 'more than one active registration' },
  'report.reason.name_differs': { zh: '姓名不一致', en: 'name differs' },
  'report.reason.gender_differs': { zh: '性别不一致', en: 'gender differs' },
  'report.reason.birth_date_differs': { zh: '出生日期不一致', en: 'birth date differs' },
  'report.reason.ambiguous_match': { zh: '多个同等候选人', en: 'several equally good candidates' },
  'report.reason.weak_match': { zh: '仅姓名同音', en: 'names only sound alike' },

  'report.explain.reason.poverty_out_of_school': {
    zh: '防返贫监测名单中此人的在校生状况为非在校、辍学或失学，或填有未上学原因，而学籍显示在读。核实孩子是否在校。',
    en: 'The poverty roll says this child is not at school (status, dropout flag or a reason for not attending) while the registry says enrolled. Verify whether the child attends.',
  },
  'report.explain.reason.not_checked_in': {
    zh: '学校出现在开学报到名单中，但此学生没有报到记录。核实孩子是否到校。',
    en: 'The school is in the check-in roster but this student has no check-in row. Verify whether the child came to school.',
  },
  'report.explain.reason.registry_dropout': {
    zh: '学籍状态为辍学、失学、在籍离校、退学或开除，且孩子在义务教育年龄内。启动劝返复学。',
    en: 'The registration status is a dropout status and the child is of compulsory-school age. Start persuading the child back.',
  },
  'report.explain.reason.no_registry_record': {
    zh: '户籍或监测名单中的适龄儿童在学籍系统中没有任何学籍。核实是否在外地就读或未入学。',
    en: 'A school-age child with no registration of any status. Find out whether the child studies elsewhere or is not enrolled.',
  },
  'report.explain.reason.no_active_registration': {
    zh: '孩子的学籍都已转出、毕业（小学）或其他离校，没有新的在读学籍（如小升初未衔接、转出后未在本县入学）。核实现在在哪里上学。',
    en: 'Every registration of the child has ended (transferred out, primary school finished, left) with no new active one. Find out where the child studies now.',
  },
  'report.explain.reason.id_empty': {
    zh: '学籍中没有身份证号。对照户口簿补录。',
    en: 'The registration has no ID number. Add it from the household booklet.',
  },
  'report.explain.reason.id_malformed': {
    zh: '身份证号长度或字符不对，或被表格存成数字后丢了后几位。对照户口簿更正；导出时把身份证号列设为文本。',
    en: 'Wrong length or characters, or a spreadsheet stored it as a number and lost digits. Correct it from the household booklet; export the ID column as text.',
  },
  'report.explain.reason.id_bad_region': {
    zh: '身份证号前两位不是有效的省份代码。对照户口簿更正。',
    en: 'The first two digits are no province code. Correct it from the household booklet.',
  },
  'report.explain.reason.id_bad_date': {
    zh: '身份证号中的出生日期不存在或晚于统计日期。对照户口簿更正。',
    en: 'The birth date inside the ID does not exist or is after the as-of date. Correct it from the household booklet.',
  },
  'report.explain.reason.id_bad_checksum': {
    zh: '身份证号最后一位校验码不对，通常是录错了一位。对照户口簿更正。',
    en: 'The check digit is wrong, usually one digit mistyped. Correct it from the household booklet.',
  },
  'report.explain.reason.id_differs': {
    zh: '学籍身份证号与户籍中同名同性别的人只差一两位。核对“建议身份证号”，确认后更正学籍。',
    en: 'The registry ID differs by one or two digits from a household person with the same name and gender. Check the suggested ID and correct the registry.',
  },
  'report.explain.reason.no_household_record': {
    zh: '户籍中找不到此人，也没有待核实的候选人：孩子可能没有本县户口。核实户籍情况，需要时办理入户。',
    en: 'Nobody in the household register fits, not even as a candidate: the child may have no 户口 here. Check, and register the child where needed (入户).',
  },
  'report.explain.reason.id_not_in_household': {
    zh: '身份证号是本县的，但户籍中没有这个号，也按其他规则匹配不上。核实学生是否真实存在、是否在校（空挂学籍）。',
    en: 'An ID with the county prefix that no household person has and that links by no rule. Check that the student exists and attends (an empty registration).',
  },
  'report.explain.reason.person_deceased': {
    zh: '户籍显示此人已死亡，学籍仍在读。核实后注销学籍或更正户籍。',
    en: 'The household register says deceased while the registration is active. Verify; close the registration or correct the register.',
  },
  'report.explain.reason.duplicate_registration': {
    zh: '同一人有两个或以上在读学籍（“来源记录”列出其他学籍）。核实在哪所学校就读，清理重复学籍。',
    en: 'One person has two or more active registrations (the records column names the others). Find the school the child attends and remove the duplicates.',
  },
  'report.explain.reason.name_differs': {
    zh: '学籍姓名与户籍姓名不同。对照户口簿更正。',
    en: 'The registry name differs from the household register. Correct it from the household booklet.',
  },
  'report.explain.reason.gender_differs': {
    zh: '学籍性别与户籍性别不同。对照户口簿更正。',
    en: 'The registry gender differs from the household register. Correct it from the household booklet.',
  },
  'report.explain.reason.birth_date_differs': {
    zh: '学籍出生日期与户籍不同。对照户口簿更正。',
    en: 'The registry birth date differs from the household register. Correct it from the household booklet.',
  },
  'report.explain.reason.ambiguous_match': {
    zh: '有两个或以上同样合适的户籍候选人（如双胞胎、同名）。人工确定是谁。',
    en: 'Two or more household people fit equally well (twins, common names). Decide by hand which one it is.',
  },
  'report.explain.reason.weak_match': {
    zh: '唯一的候选人只是姓名同音（如张伟/张玮）。人工确定是否同一人。',
    en: "The only candidate's name merely sounds alike (张伟/张玮). Decide by hand whether it is the same person.",
  },

  // Focus groups (county notice 十一) and junior middle school
  'report.flag.poverty': { zh: '建档立卡/监测对象', en: 'poverty roll' },
  'report.flag.disabled': { zh: '残疾', en: 'disabled' },
  'report.flag.left_behind': { zh: '留守儿童', en: 'left behind' },
  'report.flag.migrant': { zh: '随迁子女', en: 'migrant' },
  'report.flag.parent_incarcerated': { zh: '服刑人员子女', en: 'parent incarcerated' },
  'report.flag.junior_middle': { zh: '初中', en: 'junior middle' },
  'report.explain.flag.poverty': { zh: '在建档立卡或防返贫监测名单中。优先跟进。', en: 'On the poverty-assistance roll. Follow up first.' },
  'report.explain.flag.disabled': {
    zh: '有残疾记录。可考虑随班就读、特教学校或送教上门。',
    en: 'A disability is recorded. Consider inclusive class, special school or home tuition.',
  },
  'report.explain.flag.left_behind': {
    zh: '留守儿童。联系实际监护人。',
    en: 'Left-behind child. Contact the guardian who cares for the child.',
  },
  'report.explain.flag.migrant': {
    zh: '随迁子女（身份证号为外县）。核实现居住地和就读学校。',
    en: 'Migrant child (ID from another county). Verify where the child lives and studies.',
  },
  'report.explain.flag.parent_incarcerated': {
    zh: '服刑人员未成年子女。联系实际监护人和相关部门。',
    en: 'Child of a prisoner. Contact the caring guardian and the agencies concerned.',
  },
  'report.explain.flag.junior_middle': {
    zh: '初中（七至九年级），辍学风险最高的阶段，政策重点关注。',
    en: "Junior middle school (grades 7–9), the stage with the most dropouts and the policy's focus.",
  },

  // Sources (SPEC §1)
  'report.source.registry': { zh: '学籍', en: 'registry' },
  'report.source.household': { zh: '户籍', en: 'household' },
  'report.source.poverty': { zh: '监测', en: 'poverty' },
  'report.source.attendance': { zh: '报到', en: 'attendance' },
  'report.source_long.registry': { zh: '学籍系统导出', en: 'student registry export' },
  'report.source_long.household': { zh: '户籍人口库导出', en: 'household register export' },
  'report.source_long.poverty': { zh: '建档立卡/防返贫监测对象', en: 'poverty-assistance roll' },
  'report.source_long.attendance': { zh: '开学报到名单', en: 'school check-in roster' },

  // Linking rules (SPEC §4)
  'report.rule.id_exact': { zh: '身份证号一致', en: 'same ID number' },
  'report.rule.id_fuzzy': { zh: '身份证号相近且姓名相符', en: 'near ID number, matching name' },
  'report.rule.name_birth': { zh: '姓名与出生日期一致', en: 'same name and birth date' },
  'report.explain.rule.id_exact': { zh: '两边的身份证号（规范化后）完全相同。', en: 'The normalised ID numbers are equal.' },
  'report.explain.rule.id_fuzzy': {
    zh: '身份证号只差一位、相邻两位颠倒或（两边都有效时）差两位，且姓名相同或同音、性别不矛盾。说明学籍身份证号可能录错。',
    en: 'The IDs differ by one digit, two adjacent digits swapped, or (both valid) two digits, and the names are equal or sound alike and the genders agree. The registry ID is probably mistyped.',
  },
  'report.explain.rule.name_birth': {
    zh: '一方没有可用的身份证号；姓名相同、出生日期相同、性别不矛盾，两边都有乡镇时乡镇相同。',
    en: 'One side has no usable ID; equal names, the same birth date, genders that agree, and the same township when both have one.',
  },
  'report.rule.review': { zh: '待核实', en: 'review' },
  'report.rule.unlinked': { zh: '未匹配', en: 'unlinked' },

  // Rejected rows (rejected.csv, inspect)
  'report.reject.blank_row': { zh: '空行', en: 'blank row' },
  'report.reject.field_count': { zh: '列数与表头不符', en: 'wrong number of fields' },
  'report.reject.unclosed_quote': { zh: '引号未闭合', en: 'quote never closed' },
  'report.reject.broken_quotes': { zh: '引号错乱', en: 'broken quotes' },
  'report.reject.repeated_header': { zh: '重复表头', en: 'header repeated' },
  'report.reject.no_identity': { zh: '无身份证号、姓名、学籍号', en: 'no ID, name or student number' },

  // Columns of the category CSVs and sheets
  'report.column.case_id': { zh: '案例编号', en: 'case_id' },
  'report.column.category': { zh: '类别', en: 'category' },
  'report.column.reasons': { zh: '原因', en: 'reasons' },
  'report.column.flags': { zh: '重点群体', en: 'flags' },
  'report.column.township': { zh: '乡镇', en: 'township' },
  'report.column.village': { zh: '村', en: 'village' },
  'report.column.school': { zh: '学校', en: 'school' },
  'report.column.grade': { zh: '年级', en: 'grade' },
  'report.column.class': { zh: '班级', en: 'class' },
  'report.column.student_no': { zh: '学籍号', en: 'student_no' },
  'report.column.name': { zh: '姓名', en: 'name' },
  'report.column.id_number': { zh: '身份证号', en: 'id_number' },
  'report.column.gender': { zh: '性别', en: 'gender' },
  'report.column.birth_date': { zh: '出生日期', en: 'birth_date' },
  'report.column.guardians': { zh: '监护人', en: 'guardians' },
  'report.column.household_no': { zh: '户号', en: 'household_no' },
  'report.column.suggested_id': { zh: '建议身份证号', en: 'suggested_id' },
  'report.column.registry_values': { zh: '学籍值', en: 'registry_values' },
  'report.column.household_values': { zh: '户籍值', en: 'household_values' },
  'report.column.records': { zh: '来源记录', en: 'records' },
  'report.column.match': { zh: '匹配依据', en: 'match' },
  'report.column.candidates': { zh: '候选人', en: 'candidates' },

  'report.explain.column.case_id': {
    zh: '案例编号。同一记录同一类别每晚编号不变，跟进和销号都用它。',
    en: 'Case number: the same for the same records and category every night; follow-up and closing use it.',
  },
  'report.explain.column.category': { zh: '案例类别（见下方“类别”）。', en: 'The case category (see Categories below).' },
  'report.explain.column.reasons': {
    zh: '为什么列为案例，可有多个（见下方“原因”）。',
    en: 'Why it is a case; there can be several (see Reasons below).',
  },
  'report.explain.column.flags': {
    zh: '重点群体：建档立卡/监测对象、残疾、留守、随迁、服刑人员子女、初中（见下方“重点群体”）。',
    en: 'Focus groups: poverty roll, disabled, left behind, migrant, parent incarcerated, junior middle (see Flags below).',
  },
  'report.explain.column.township': {
    zh: '孩子所在乡镇（学籍、户籍或监测记录中的）。',
    en: "The child's township (from the registry, household or poverty record).",
  },
  'report.explain.column.village': { zh: '孩子所在村（社区）。', en: "The child's village." },
  'report.explain.column.school': { zh: '学籍所在学校。', en: 'The school of the registration.' },
  'report.explain.column.grade': { zh: '学籍中的年级。', en: 'The grade in the registry.' },
  'report.explain.column.class': { zh: '学籍中的班级。', en: 'The class in the registry.' },
  'report.explain.column.student_no': { zh: '全国学籍号（或学籍辅号）。', en: 'The national student number.' },
  'report.explain.column.name': { zh: '姓名，按记录原样。', en: 'The name as written in the record.' },
  'report.explain.column.id_number': {
    zh: '记录中的身份证号，规范化后（全角转半角、x 转 X、15 位转 18 位）。',
    en: "The record's ID number, normalised (full-width to ASCII, x to X, 15 to 18 digits).",
  },
  'report.explain.column.gender': { zh: '性别（记录中的，没有时由身份证号推出）。', en: 'Gender as stated, else as the ID implies.' },
  'report.explain.column.birth_date': {
    zh: '出生日期（由有效身份证号得出，否则为记录中的）。',
    en: 'Birth date from the valid ID, else as stated.',
  },
  'report.explain.column.suggested_id': {
    zh: '学籍身份证号有误或为空、且在户籍中找到了此人时，户籍中的身份证号。核对户口簿后用它更正学籍。',
    en: 'When the registry ID is wrong or empty and the person was found in the household register, the household ID. Check it against the booklet and correct the registry.',
  },
  'report.explain.column.records': {
    zh: '案例依据的原始记录：来源和行号（表头为第 1 行），可在原导出文件中直接找到。',
    en: 'The records behind the case: source and row (the header is row 1), to find them in the exports.',
  },
  'report.explain.column.guardians': {
    zh: '户籍中此孩子的监护人（按户号和与户主关系找出的在世成年人）；找不到时写明原因。劝返复学通知书寄给他们。',
    en: "The child's guardians from the household register (living adults found by household number and relation to the head); why none was found otherwise. Notices are addressed to them.",
  },
  'report.explain.column.household_no': { zh: '孩子在户籍中的户号。', en: "The child's household number in the household register." },
  'report.explain.column.registry_values': {
    zh: '学籍与户籍不一致的项目在学籍中的值，与右侧“户籍值”一一对应。',
    en: 'Where the registry and the household register differ: the registry value, beside the household value in the next column.',
  },
  'report.explain.column.household_values': {
    zh: '同一项目在户籍中的值。以户口簿为准核对后更正学籍或户籍。',
    en: 'The same fields as the household register states them. Check the booklet and correct whichever is wrong.',
  },
  'report.explain.column.match': {
    zh: '学籍与户籍按哪条规则对上，以及各项比对结果（见下方“匹配规则”）。',
    en: 'Which rule linked the records and how each field compared (see Rules below).',
  },
  'report.explain.column.candidates': {
    zh: '待人工核实时，合适的户籍候选人（来源行号、姓名、身份证号、出生日期、乡镇）。',
    en: 'For review: the household people who fit (row, name, ID, birth date, township).',
  },

  // The workbook's own words
  'report.wb.summary': { zh: '摘要', en: 'Summary' },
  'report.wb.review_detail': { zh: '核实对照', en: 'Review detail' },
  'report.wb.glossary': { zh: '说明', en: 'Glossary' },
  'report.wb.as_of': { zh: '统计日期', en: 'As of' },
  'report.wb.reference': { zh: '年龄基准日', en: 'Reference day' },
  'report.wb.school_age': { zh: '义务教育年龄', en: 'School age' },
  'report.wb.school_age_value': { zh: '{min}–{max} 周岁（按年龄基准日）', en: '{min}–{max} years on the reference day' },
  'report.wb.county': { zh: '本县身份证前缀', en: 'County ID prefixes' },
  'report.wb.inferred': { zh: '（自动推断）', en: ' (inferred)' },
  'report.wb.version': { zh: '程序版本', en: 'Version' },
  'report.wb.run_at': { zh: '生成时间', en: 'Made at' },
  'report.wb.inputs': { zh: '输入文件', en: 'Input files' },
  'report.wb.source': { zh: '来源', en: 'Source' },
  'report.wb.file': { zh: '文件', en: 'File' },
  'report.wb.size': { zh: '大小（字节）', en: 'Size (bytes)' },
  'report.wb.modified': { zh: '修改时间', en: 'Modified' },
  'report.wb.sha256': { zh: 'SHA-256 校验值', en: 'SHA-256' },
  'report.wb.read': { zh: '读取行数', en: 'Rows read' },
  'report.wb.accepted': { zh: '采用', en: 'Accepted' },
  'report.wb.rejected': { zh: '未采用', en: 'Rejected' },
  'report.wb.links': { zh: '匹配方式', en: 'Links by rule' },
  'report.wb.cases': { zh: '案例', en: 'Cases' },
  'report.wb.reasons': { zh: '原因', en: 'Reasons' },
  'report.wb.count': { zh: '数量', en: 'Count' },
  'report.wb.total': { zh: '合计', en: 'Total' },
  'report.wb.of_which_closed': {
    zh: '其中已销号（在“已销号”表，不列入各类别清单和下方各表）',
    en: 'of which closed (on the Closed sheet; in no category list nor the tables below)',
  },
  'report.wb.township': { zh: '乡镇', en: 'Township' },
  'report.wb.school': { zh: '学校', en: 'School' },
  'report.wb.unknown': { zh: '（未填）', en: '(none)' },
  'report.wb.role': { zh: '角色', en: 'Role' },
  'report.wb.record': { zh: '待核实记录', en: 'Record' },
  'report.wb.candidate': { zh: '候选人', en: 'Candidate' },
  'report.wb.household_no': { zh: '户号', en: 'Household no.' },
  'report.wb.agreement': { zh: '比对', en: 'Comparison' },
  'report.wb.population': { zh: '各乡镇适龄人口与在读学籍', en: 'School-age population and active registrations by township' },
  'report.wb.school_age_people': { zh: '户籍适龄人数', en: 'School-age in household register' },
  'report.wb.with_active': { zh: '有在读学籍', en: 'With an active registration' },
  'report.wb.share': { zh: '占比', en: 'Share' },
  'report.wb.no_roster': {
    zh: '有学籍但不在报到名单中的学校（其“开学未报到”无法核查）',
    en: 'Schools with registrations but no row in the check-in roster (their not_checked_in could not be checked)',
  },
  'report.wb.no_roster_none': {
    zh: '（没有：每所有在读学籍的学校都在报到名单中）',
    en: '(none: every school with active registrations is in the roster)',
  },
  'report.wb.no_roster_absent': {
    zh: '（未提供开学报到名单：“开学未报到”未核查）',
    en: '(no check-in roster given: not_checked_in was not checked)',
  },
  'report.wb.registrations': { zh: '在读学籍数', en: 'Active registrations' },
  'report.wb.school_code': { zh: '学校标识码', en: 'School code' },
  'report.wb.page_header': {
    zh: '控辍保学比对报告 · 本县 {county} · 统计日期 {as_of}',
    en: 'rollcall report · county {county} · as of {as_of}',
  },
  'report.wb.page_footer': { zh: '第 &P 页，共 &N 页', en: 'Page &P of &N' },
  'report.wb.glossary_term': { zh: '项目', en: 'Term' },
  'report.wb.glossary_code': { zh: '代码', en: 'Code' },
  'report.wb.glossary_meaning': { zh: '含义及处理', en: 'Meaning and what to do' },
  'report.wb.glossary_columns': { zh: '列', en: 'Columns' },
  'report.wb.glossary_categories': { zh: '类别', en: 'Categories' },
  'report.wb.glossary_reasons': { zh: '原因', en: 'Reasons' },
  'report.wb.glossary_flags': { zh: '重点群体', en: 'Flags (focus groups)' },
  'report.wb.glossary_rules': { zh: '匹配规则', en: 'Linking rules' },
  'report.wb.glossary_intro': {
    zh: '本工作簿由 rollcall 比对学籍、户籍、防返贫监测和开学报到名单生成。每个类别一张表，按优先级排序；同一记录可出现在多个类别中。',
    en: 'rollcall made this workbook by comparing the student registry, the household register, the poverty roll and the check-in roster. One sheet per category, in priority order; a record can be in several categories.',
  },
  'report.wb.digits_lost': {
    zh: '（表格把号码存成了数字，后几位已丢失）',
    en: ' (a spreadsheet stored it as a number: its digits are lost)',
  },
} satisfies Record<string, Text>;
