import { openSync, writeSync, closeSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ageOn, formatDay } from '../domain/index.js';
import { csvText } from '../report/index.js';
import type { Random } from './random.js';
import type { Person, RegistryEntry, RegistryStatus, World } from './world.js';

// Writes the exports a county has. `clean`: UTF-8 CSVs, ISO dates, 男/女. `messy`:
// the household register in GB18030 with CRLF and a title row, the registry as a
// workbook with real date cells, the poverty roll in UTF-8 with a BOM and CRLF,
// and mixed date and gender spellings.

export type SourceFiles = { registry: string; household: string; poverty: string; attendance: string };

const HOUSEHOLD_HEADER = ['户号', '姓名', '与户主关系', '性别', '出生日期', '身份证号', '户籍状态', '乡镇（街道）', '村（社区）'];
const REGISTRY_HEADER = [
  '学校标识码',
  '学校名称',
  '乡镇',
  '年级',
  '班级',
  '姓名',
  '性别',
  '出生日期',
  '身份证件类型',
  '身份证号',
  '全国学籍号',
  '学籍状态',
  '是否残疾',
  '是否留守儿童',
  '是否随迁子女',
  '是否服刑人员未成年子女',
];
/** A school database's query (SPEC §1): 性别码, 身份证件类型码, 学生状态. */
const REGISTRY_HEADER_MESSY = REGISTRY_HEADER.map(
  (header) => ({ 性别: '性别码', 身份证件类型: '身份证件类型码', 学籍状态: '学生状态' })[header] ?? header,
);
const POVERTY_HEADER = [
  '户编号',
  '成员姓名',
  '性别',
  '出生日期',
  '证件号码',
  '与户主关系',
  '乡镇',
  '村',
  '在校生状况',
  '是否义务教育阶段适龄儿童少年失学辍学',
  '未上学原因',
  '是否残疾',
];
const POVERTY_HEADER_MESSY = POVERTY_HEADER.map(
  (header) => ({ 乡镇: '乡(镇)', 在校生状况: '在校生状态', 未上学原因: '义务教育阶段未上学原因' })[header] ?? header,
);

/**
 * The messy flavor writes a status in any of the ways real exports do (SPEC §2's
 * wider lists), mixed among the usual text; each keeps the meaning the world gave it.
 */
const STATUS_SYNONYMS: Partial<Record<RegistryStatus, { texts: readonly string[]; weights: readonly number[] }>> = {
  在读: {
    texts: ['在读', '在籍在校', '在校', '正常', '在籍', '复学', '转入', '留级', '请假'],
    weights: [70, 80, 84, 88, 92, 94, 96, 98, 100],
  },
  辍学: { texts: ['辍学', '失学', '在籍离校', '退学', '开除'], weights: [50, 65, 85, 95, 100] },
  转出: { texts: ['转出', '转学'], weights: [70, 100] },
  毕业: { texts: ['毕业', '结业'], weights: [85, 100] },
};
const ATTENDANCE_HEADER = ['学校标识码', '学校名称', '全国学籍号', '姓名', '身份证号'];

export async function writeExports(world: World, dir: string): Promise<SourceFiles> {
  const messy = world.options.flavor === 'messy';
  const files: SourceFiles = {
    household: 'household.csv',
    registry: messy ? 'registry.xlsx' : 'registry.csv',
    poverty: 'poverty.csv',
    attendance: 'attendance.csv',
  };
  writeHousehold(world, join(dir, files.household));
  if (messy) await writeRegistryWorkbook(world, join(dir, files.registry));
  else
    writeCsv(
      join(dir, files.registry),
      REGISTRY_HEADER,
      sortedRegistry(world).map((entry, i) => registryCells(world, entry, i)),
      (entry, row) => (entry.row = row),
      sortedRegistry(world),
      {},
    );
  writePoverty(world, join(dir, files.poverty));
  writeAttendance(world, join(dir, files.attendance));
  return files;
}

interface CsvStyle {
  encoding?: 'gb18030';
  bom?: boolean;
  crlf?: boolean;
  title?: string;
}

/** Writes rows in chunks; `numberRow` learns each record's sheet row. */
function writeCsv<T>(
  path: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  numberRow: (item: T, row: number) => void,
  items: readonly T[],
  style: CsvStyle,
): void {
  const eol = style.crlf ? '\r\n' : '\n';
  const fd = openSync(path, 'w');
  const write = (text: string) => (style.encoding ? writeSync(fd, iconv.encode(text, style.encoding)) : writeSync(fd, text));
  try {
    if (style.bom) writeSync(fd, Buffer.from([0xef, 0xbb, 0xbf]));
    let row = 1;
    if (style.title) {
      write(style.title + eol);
      row++;
    }
    const format = { asWritten: true, eol } as const;
    write(csvText([header], format));
    for (let start = 0; start < rows.length; start += 20_000) {
      const chunk = rows.slice(start, start + 20_000);
      chunk.forEach((_, i) => {
        numberRow(items[start + i]!, ++row);
      });
      write(csvText(chunk, format));
    }
  } finally {
    closeSync(fd);
  }
}

function writeHousehold(world: World, path: string): void {
  const order = new Map(world.townships.map((township, i) => [township, i]));
  const people = world.people
    .filter((person) => person.inHousehold)
    .map((person, i) => ({ person, i }))
    .sort(
      (a, b) =>
        order.get(a.person.township)! - order.get(b.person.township)! || compare(a.person.householdNo, b.person.householdNo) || a.i - b.i,
    )
    .map(({ person }) => person);
  const messy = world.options.flavor === 'messy';
  const rows = people.map((person) => [
    person.householdNo,
    person.name,
    person.relation,
    genderText(world.random, person.gender, messy),
    dateText(world.random, person.birth, messy),
    person.householdId,
    person.status,
    person.township,
    person.village,
  ]);
  writeCsv(
    path,
    HOUSEHOLD_HEADER,
    rows,
    (person: Person, row) => (person.householdRow = row),
    people,
    messy ? { encoding: 'gb18030', crlf: true, title: '户籍人口信息导出（测试数据，均为虚构）' } : {},
  );
}

function sortedRegistry(world: World): RegistryEntry[] {
  const schoolOrder = new Map(world.schools.map((school, i) => [school, i]));
  return world.registry
    .map((entry, i) => ({ entry, i }))
    .sort(
      (a, b) =>
        schoolOrder.get(a.entry.school)! - schoolOrder.get(b.entry.school)! ||
        compare(a.entry.grade, b.entry.grade) ||
        compare(a.entry.className, b.entry.className) ||
        a.i - b.i,
    )
    .map(({ entry }) => entry);
}

const yesNo = (value: boolean) => (value ? '是' : '否');

function registryCells(world: World, entry: RegistryEntry, _i: number): string[] {
  const messy = world.options.flavor === 'messy';
  return [
    entry.school.code,
    entry.school.name,
    entry.school.township,
    entry.grade,
    entry.className,
    entry.nameWritten,
    entry.genderWritten ? genderText(world.random, entry.genderWritten, messy) : '',
    entry.birthWritten ? dateText(world.random, entry.birthWritten, messy) : '',
    messy ? '1' : '居民身份证',
    entry.idWritten,
    entry.studentNo,
    statusText(world.random, entry.status, messy),
    yesNo(entry.person.disabled),
    yesNo(entry.person.leftBehind),
    yesNo(entry.migrant),
    yesNo(entry.person.parentIncarcerated),
  ];
}

async function writeRegistryWorkbook(world: World, path: string): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    stream: createWriteStream(path),
    useStyles: true,
    useSharedStrings: false,
  } as never);
  const sheet = workbook.addWorksheet('学生名单');
  sheet.addRow(REGISTRY_HEADER_MESSY).commit();
  let row = 1;
  for (const entry of sortedRegistry(world)) {
    const cells: (string | number | Date)[] = registryCells(world, entry, 0);
    // Most birth dates are real date cells; an ID some clerk let Excel turn into a number.
    if (entry.birthWritten && world.random.chance(0.7)) cells[7] = dayToDate(entry.birthWritten);
    if (entry.idNumericCell) cells[9] = Number(entry.person.id.replace(/X$/, '0'));
    const written = sheet.addRow(cells);
    if (cells[7] instanceof Date) written.getCell(8).numFmt = 'yyyy-mm-dd';
    written.commit();
    entry.row = ++row;
  }
  sheet.commit();
  await workbook.commit();
}

function writePoverty(world: World, path: string): void {
  const messy = world.options.flavor === 'messy';
  const rows = world.poverty.map((member) => [
    member.person.householdNo || `P${String(member.person.index).padStart(9, '0')}`,
    member.person.name,
    genderText(world.random, member.person.gender, messy),
    dateText(world.random, member.person.birth, messy),
    member.idWritten,
    member.person.relation,
    member.person.township,
    member.person.village,
    messy ? schoolStatusText(world, member) : member.schoolStatus,
    yesNo(member.dropoutFlag),
    member.notInSchoolReason || (messy ? noReasonText(world) : ''),
    yesNo(member.person.disabled),
  ]);
  const header = messy ? POVERTY_HEADER_MESSY : POVERTY_HEADER;
  const numberRow = (member: (typeof world.poverty)[number], row: number) => (member.row = row);
  writeCsv(path, header, rows, numberRow, world.poverty, messy ? { bom: true, crlf: true } : {});
}

function writeAttendance(world: World, path: string): void {
  const schoolOrder = new Map(world.schools.map((school, i) => [school, i]));
  const rows = [...world.attendance].sort((a, b) => schoolOrder.get(a.school)! - schoolOrder.get(b.school)!);
  writeCsv(
    path,
    ATTENDANCE_HEADER,
    rows.map((row) => [row.school.code, row.school.name, row.studentNo, row.name, row.id]),
    (row: (typeof rows)[number], n) => (row.row = n),
    rows,
    {},
  );
}

function statusText(random: Random, status: RegistryStatus, messy: boolean): string {
  const synonyms = STATUS_SYNONYMS[status];
  if (!messy || !synonyms) return status;
  return random.pickWeighted(synonyms.texts, synonyms.weights);
}

/** 在校生 as the roll often writes it: the stage the member is at. */
function schoolStatusText(world: World, member: World['poverty'][number]): string {
  if (member.schoolStatus !== '在校生' || world.random.chance(0.5)) return member.schoolStatus;
  const age = ageOn(member.person.birth, world.referenceDay);
  return age <= 11 ? '小学' : age <= 14 ? '初中' : '九年级';
}

/** The ways a roll says "no reason" (SPEC §2's no values and 空): none of them is out of school. */
function noReasonText(world: World): string {
  const text = world.random.pick(['', '', '', '无', '否', '空', '0']);
  if (text !== '') world.distractors.no_reason_written = (world.distractors.no_reason_written ?? 0) + 1;
  return text;
}

function genderText(random: Random, gender: 'M' | 'F', messy: boolean): string {
  if (messy && random.chance(0.3)) return gender === 'M' ? '1' : '2';
  return gender === 'M' ? '男' : '女';
}

function dateText(random: Random, day: number, messy: boolean): string {
  const iso = formatDay(day);
  if (!messy) return iso;
  const [y, m, d] = [iso.slice(0, 4), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  switch (random.int(0, 3)) {
    case 0:
      return iso;
    case 1:
      return `${y}/${m}/${d}`;
    case 2:
      return `${y}年${m}月${d}日`;
    default:
      return iso.replaceAll('-', '');
  }
}

function dayToDate(day: number): Date {
  return new Date(Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
