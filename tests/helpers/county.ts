import { readFileSync } from 'node:fs';
import type { Case, Category } from '../../src/domain/index.js';
import { runRollcall, type CliResult } from './cli.js';
import { join, tempDir, writeCsv } from './files.js';
import { makeId } from './ids.js';

/** A synthetic child or adult: the facts, before any source writes them down. */
export interface Person {
  name: string;
  id: string;
  gender: '男' | '女';
  birth: string; // YYYY-MM-DD
  township: string;
}

type Row = Record<string, string>;

const COLUMNS = {
  registry: [
    '姓名',
    '身份证件类型',
    '身份证号',
    '性别',
    '出生日期',
    '全国学籍号',
    '学校名称',
    '学校标识码',
    '年级',
    '班级',
    '学籍状态',
    '乡镇',
    '是否残疾',
    '是否留守儿童',
    '是否随迁子女',
    '是否服刑人员未成年子女',
  ],
  household: ['姓名', '身份证号', '性别', '出生日期', '户号', '与户主关系', '户籍状态', '乡镇', '村'],
  poverty: ['成员姓名', '证件号码', '性别', '出生日期', '户编号', '在校生状况', '是否失学辍学', '乡镇', '是否残疾'],
  attendance: ['全国学籍号', '身份证号', '姓名', '学校名称', '学校标识码'],
} as const;
type Source = keyof typeof COLUMNS;

export interface Reconciled extends CliResult {
  dir: string;
  out: string;
  cases: Case[];
  summary: Record<string, any>;
  of(category: Category): Case[];
  /** The cases about a given source row. */
  about(source: Source, row: number): Case[];
}

/**
 * Someone from another province who concerns no case: a registration that ended
 * long ago, or an adult in the household register. Written when a test gives a
 * required source no rows (a header-only file stops the run, SPEC §6).
 */
const BYSTANDER: Record<'registry' | 'household', Row> = {
  registry: { 姓名: '旁观者', 身份证号: makeId('110101', '19800101', 1), 学籍状态: '毕业', 学校名称: '外省中学', 年级: '九年级' },
  household: { 姓名: '旁观者', 身份证号: makeId('110101', '19500101', 1), 户号: 'H999', 户籍状态: '正常', 乡镇: '外乡' },
};

/**
 * Builds a tiny county source by source, writes the CSVs and runs the real
 * `rollcall reconcile` on them. Rows are numbered as the sheet shows them.
 */
export class County {
  private readonly rows: Record<Source, Row[]> = { registry: [], household: [], poverty: [], attendance: [] };
  private sequence = 100;

  constructor(readonly asOf = '2026-09-20') {}

  /** A person with a valid county ID (341324) unless told otherwise. */
  person(
    name: string,
    birth: string,
    options: { gender?: '男' | '女'; prefix?: string; township?: string; sequence?: number } = {},
  ): Person {
    const gender = options.gender ?? '男';
    let sequence = options.sequence ?? (this.sequence += 2);
    if ((sequence % 2 === 1) !== (gender === '男')) sequence += 1;
    return {
      name,
      id: makeId(options.prefix ?? '341324', birth.replaceAll('-', ''), sequence),
      gender,
      birth,
      township: options.township ?? '城关镇',
    };
  }

  household(person: Person, fields: Row = {}): number {
    return this.add('household', {
      姓名: person.name,
      身份证号: person.id,
      性别: person.gender,
      出生日期: person.birth,
      户号: 'H001',
      与户主关系: '子',
      户籍状态: '正常',
      乡镇: person.township,
      村: '前进村',
      ...fields,
    });
  }

  registry(person: Person, fields: Row = {}): number {
    return this.add('registry', {
      姓名: person.name,
      身份证号: person.id,
      性别: person.gender,
      出生日期: person.birth,
      全国学籍号: `G${person.id}`,
      学校名称: '城关小学',
      学籍状态: '在读',
      年级: '四年级',
      乡镇: person.township,
      ...fields,
    });
  }

  poverty(person: Person, fields: Row = {}): number {
    return this.add('poverty', {
      成员姓名: person.name,
      证件号码: person.id,
      性别: person.gender,
      出生日期: person.birth,
      户编号: 'P001',
      在校生状况: '在校生',
      乡镇: person.township,
      ...fields,
    });
  }

  attendance(person: Person, fields: Row = {}): number {
    return this.add('attendance', { 全国学籍号: `G${person.id}`, 身份证号: person.id, 姓名: person.name, 学校名称: '城关小学', ...fields });
  }

  private add(source: Source, row: Row): number {
    this.rows[source].push(row);
    return this.rows[source].length + 1;
  }

  async reconcile(extra: string[] = []): Promise<Reconciled> {
    const dir = tempDir('rollcall-county-');
    const args = ['reconcile', '--as-of', this.asOf, '--log-level', 'warn'];
    for (const source of Object.keys(COLUMNS) as Source[]) {
      if (this.rows[source].length === 0 && source !== 'registry' && source !== 'household') continue;
      const header = [...COLUMNS[source]];
      // A required source with no data rows stops the run: a row that is never a case stands in for "nobody".
      const rows = this.rows[source].length > 0 ? this.rows[source] : [BYSTANDER[source as 'registry' | 'household']];
      writeCsv(join(dir, `${source}.csv`), [header, ...rows.map((row) => header.map((column) => row[column] ?? ''))]);
      args.push(`--${source}`, join(dir, `${source}.csv`));
    }
    const out = join(dir, 'out');
    const result = await runRollcall([...args, '--out', out, ...extra]);
    if (result.code !== 0) throw new Error(`reconcile exited ${result.code}: ${result.stderr}`);
    const cases = readFileSync(join(out, 'cases.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Case);
    return {
      ...result,
      dir,
      out,
      cases,
      summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')),
      of: (category) => cases.filter((c) => c.category === category),
      about: (source, row) => cases.filter((c) => c.records[0]?.source === source && c.records[0]?.row === row),
    };
  }
}

/** The same ID with two adjacent digits swapped (positions 1-based). */
export function transpose(id: string, position: number): string {
  const i = position - 1;
  return id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
}

/** The same ID with one character replaced. */
export function substitute(id: string, position: number, char: string): string {
  const i = position - 1;
  return id.slice(0, i) + char + id.slice(i + 1);
}
