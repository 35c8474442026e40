import { readFileSync, truncateSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { RollcallError } from '../../src/domain/index.js';
import { t } from '../../src/i18n/index.js';
import { readXlsxRows } from '../../src/load/read-xlsx.js';
import type { Cell } from '../../src/load/rows.js';
import { tempDir, writeText, writeXlsx } from '../helpers/files.js';
import { ExcelJS } from '../helpers/xlsx.js';
import { loadFile } from '../helpers/load.js';

// fixtures/xlsx/ is made by scripts/make-xlsx-fixtures.mjs: one workbook per writer
// and feature, each beside a CSV twin with the rows a clerk sees in it.
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'xlsx');
const fixture = (name: string, extension = 'xlsx') => join(FIXTURES, `${name}.${extension}`);

interface Case {
  readonly sheet?: string;
  /** The sheet the reader says it read. */
  readonly read: string;
  readonly formulasWithoutValue?: number;
}

const TWINS: Record<string, Case> = {
  'hand-shared-strings': { read: '学生' },
  'hand-prefixed-namespaces': { read: '学生' },
  'hand-strict-ooxml': { read: '学生' },
  'hand-no-r-attributes': { read: 'Sheet1' },
  'hand-date1904': { read: 'Sheet1' },
  'hand-east-asian-dates': { read: '学生' },
  'hand-east-asian-dates-2': { read: '学生' },
  'hand-custom-date-formats': { read: '学生' },
  'hand-inline-rich-text': { read: '学生' },
  'hand-phonetic-runs': { read: '学生' },
  'hand-chart-sheet-first': { read: '学生' },
  'hand-absolute-targets': { read: '学生' },
  'hand-formulas': { read: '学生', formulasWithoutValue: 1 },
  'hand-two-letter-columns': { read: '学生' },
  'hand-title-gaps-types': { read: '学生' },
  'hand-only-hidden-sheets': { read: '学生', sheet: '学生' },
  'exceljs-hidden-first-sheet': { read: '学生' },
  'exceljs-streaming-rich-text': { read: 'Sheet1' },
  'openpyxl-absolute-targets': { read: '学生' },
  'openpyxl-formulas-no-value': { read: '学生', formulasWithoutValue: 4 },
  'libreoffice-formulas-saved': { read: '学生' },
};

/** A cell as text, the way the CSV twin writes it. */
function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/** Rows by sheet row number, without empty rows and trailing empty cells. */
function nonBlank(rows: [number, string[]][]): [number, string[]][] {
  return rows
    .map(([row, cells]): [number, string[]] => {
      const kept = [...cells];
      while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
      return [row, kept];
    })
    .filter(([, cells]) => cells.length > 0);
}

async function readRows(file: string, sheet: string | null = null) {
  const rows: [number, Cell[]][] = [];
  const info: { sheet: string | null; formulas: () => number } = { sheet: null, formulas: () => 0 };
  await readXlsxRows(
    file,
    sheet,
    {
      start(reader) {
        info.sheet = reader.sheet;
        info.formulas = () => reader.counts?.formulasWithoutValue ?? -1;
      },
      row: (cells, row) => rows.push([row, [...cells]]),
      broken: () => undefined,
    },
    undefined,
    'registry',
  );
  return { rows, sheet: info.sheet, formulasWithoutValue: info.formulas() };
}

async function errorOf(promise: Promise<unknown>): Promise<RollcallError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RollcallError);
  return error as RollcallError;
}

describe('workbooks from every writer read like their CSV twins', () => {
  it.each(Object.entries(TWINS))('%s: the same cells in the same rows', async (name, expected) => {
    const { rows, sheet, formulasWithoutValue } = await readRows(fixture(name), expected.sheet ?? null);
    expect(sheet).toBe(expected.read);
    expect(formulasWithoutValue).toBe(expected.formulasWithoutValue ?? 0);
    const twin = (parse(readFileSync(fixture(name, 'csv')), { relax_column_count: true, skip_empty_lines: false }) as string[][]).map(
      (cells, i): [number, string[]] => [i + 1, cells],
    );
    expect(nonBlank(rows.map(([row, cells]) => [row, cells.map(cellText)]))).toEqual(nonBlank(twin));
  });

  it.each(Object.entries(TWINS))('%s: the same records and rejected rows as the CSV twin', async (name, expected) => {
    const workbook = await loadFile('registry', fixture(name), { sheet: expected.sheet });
    const csv = await loadFile('registry', fixture(name, 'csv'));
    expect(workbook.records.length).toBeGreaterThan(0);
    expect(workbook.records).toEqual(csv.records);
    expect(workbook.rejected.map(({ row, reason }) => ({ row, reason }))).toEqual(csv.rejected.map(({ row, reason }) => ({ row, reason })));
    expect(workbook.headerRow).toBe(csv.headerRow);
    expect(workbook.formulasWithoutValue).toBe(expected.formulasWithoutValue ?? 0);
  });

  it('keeps every run of rich text and leaves out phonetic guides (李 + 巧丽 → 李巧丽)', async () => {
    for (const name of ['hand-inline-rich-text', 'hand-phonetic-runs', 'exceljs-streaming-rich-text']) {
      const { rows } = await readRows(fixture(name));
      expect(rows[1]![1][0]).toBe('李巧丽');
      expect(rows[3]![1][0]).toBe('欧阳娜');
    }
  });

  it('hands date-formatted cells over as Dates at UTC midnight, other numbers as numbers', async () => {
    const { rows } = await readRows(fixture('hand-east-asian-dates'));
    for (const [, cells] of rows.slice(1)) expect(cells[3]).toBeInstanceOf(Date);
    expect(rows[1]![1][3]).toEqual(new Date(Date.UTC(2015, 2, 5)));
    const custom = await readRows(fixture('hand-custom-date-formats'));
    expect(custom.rows.slice(1).map(([, cells]) => cells[3] instanceof Date)).toEqual([true, true, true, true]);
  });
});

describe('which sheet is read', () => {
  it('skips a hidden first sheet, a chart sheet and a very hidden sheet, and says which sheet it read', async () => {
    expect((await readRows(fixture('exceljs-hidden-first-sheet'))).sheet).toBe('学生');
    expect((await readRows(fixture('hand-chart-sheet-first'))).sheet).toBe('学生');
  });

  it('reads a hidden sheet when the config names it, matching the name as Excel does (case, outer spaces)', async () => {
    expect((await readRows(fixture('exceljs-hidden-first-sheet'), '填表说明')).rows[1]![1]).toEqual(['请按模板填写']);
    expect((await readRows(fixture('openpyxl-absolute-targets'), ' 学生 ')).sheet).toBe('学生');
    expect((await readRows(fixture('hand-no-r-attributes'), 'sheet1')).sheet).toBe('Sheet1');
  });

  it('names the file, the sheets (hidden ones apart) and the setting when there is nothing to read', async () => {
    const hidden = await errorOf(readRows(fixture('hand-only-hidden-sheets')));
    expect(hidden.code).toBe('file_format');
    expect(hidden.render('en').replace(FIXTURES, '<dir>')).toMatchInlineSnapshot(
      `"<dir>/hand-only-hidden-sheets.xlsx: no visible worksheet to read (sheets: —; hidden or chart sheets: "填表说明", "学生") — if the data is in a hidden sheet, set "sources": { "registry": { "sheet": "…" } } in the config file to its name"`,
    );
    expect(hidden.render('zh').replace(FIXTURES, '<dir>')).toMatchInlineSnapshot(
      `"<dir>/hand-only-hidden-sheets.xlsx：没有可读取的可见工作表（工作表：—；隐藏或图表工作表："填表说明", "学生"）——如果数据在隐藏的工作表里，请在配置文件中把 "sources": { "registry": { "sheet": "…" } } 设为它的名称"`,
    );
    const unknown = await errorOf(readRows(fixture('hand-chart-sheet-first'), '学籍'));
    expect(unknown.render('en').replace(FIXTURES, '<dir>')).toMatchInlineSnapshot(
      `"<dir>/hand-chart-sheet-first.xlsx: there is no sheet named "学籍" (sheets: "学生"; hidden or chart sheets: "图表1", "内部") — set "sources": { "registry": { "sheet": "…" } } in the config file to one of them"`,
    );
    const chart = await errorOf(readRows(fixture('hand-chart-sheet-first'), '图表1'));
    expect(chart.text?.key).toBe('xlsx.sheet_not_worksheet');
  });
});

describe('a header not on the sheet read', () => {
  it('names the sheet read, the other sheets and the setting (a visible 填表说明 first)', async () => {
    const dir = tempDir();
    const file = await writeXlsx(join(dir, 'registry.xlsx'), {
      填表说明: [['请按模板填写，带*为必填'], ['姓名', '身份证号']],
      学生: [
        ['姓名', '身份证号', '学籍状态', '学校名称'],
        ['张伟', '341324201503050012', '在读', '城关小学'],
      ],
    });
    const error = await errorOf(loadFile('registry', file));
    expect(error.code).toBe('schema');
    const [first, hint] = error.render('en').replace(dir, '<dir>').split('\n  the sheet read');
    expect(first).toMatch(/^<dir>\/registry.xlsx: 2 required fields are missing/);
    expect(hint).toBe(
      ` was "填表说明"; the workbook also has "学生" — if the data is on one of them, write "sources": { "registry": { "sheet": "…" } } in the config file`,
    );
    expect(error.render('zh')).toContain('读取的是工作表“填表说明”；工作簿里还有工作表 "学生"');
    // The missing-field message itself is in the run's language too, not English inside Chinese.
    const [zhFirst] = error.render('zh').split('\n');
    expect(zhFirst).toBe(`${file}：学籍系统导出文件（表头在第 2 行）缺少 2 个必需字段：`);
    expect(error.render('zh')).not.toMatch(/required|headers found/);
    expect((await loadFile('registry', file, { sheet: '学生' })).records).toHaveLength(1);
  });
});

describe('damaged workbooks stop the run (exit 2) with a message that names the file', () => {
  const endsEarly = (file: string) => t('xlsx.ends_early', 'en', { file });

  it.each([0.05, 0.3, 0.6, 0.95, 0.999])('a copy cut short at %s of its length', async (fraction) => {
    for (const name of ['openpyxl-absolute-targets', 'libreoffice-formulas-saved']) {
      const dir = tempDir();
      const file = join(dir, 'registry.xlsx');
      copyFileSync(fixture(name), file);
      const size = readFileSync(file).length;
      truncateSync(file, Math.floor(size * fraction));
      const error = await errorOf(readRows(file));
      expect(error.exitCode).toBe(2);
      expect(error.message).toBe(endsEarly(file));
      expect(error.render('zh')).toContain('工作簿不完整（文件已损坏或仍在复制中）');
    }
  });

  it('a sheet whose XML stops in the middle of a row', async () => {
    const file = fixture('damaged-sheet-ends-early');
    const error = await errorOf(readRows(file));
    expect(error.message).toBe(endsEarly(file));
  });

  it('an empty file, a text file and an old .xls (OLE) file named .xlsx', async () => {
    const dir = tempDir();
    const empty = await errorOf(readRows(writeText(join(dir, 'empty.xlsx'), '')));
    expect(empty.text?.key).toBe('xlsx.not_zip');
    const text = await errorOf(readRows(writeText(join(dir, 'text.xlsx'), '姓名,身份证号\n')));
    expect(text.text?.key).toBe('xlsx.not_zip');
    expect(text.exitCode).toBe(2);
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const legacy = await errorOf(readRows(writeText(join(dir, 'legacy.xlsx'), ole)));
    expect(legacy.text?.key).toBe('xlsx.ole_file');
  });

  it('compressed data that does not inflate', async () => {
    const dir = tempDir();
    const bytes = readFileSync(fixture('hand-shared-strings'));
    const name = bytes.indexOf('xl/worksheets/sheet1.xml'); // the first occurrence: the local header
    bytes.fill(0xff, name + 24, name + 44);
    const error = await errorOf(readRows(writeText(join(dir, 'registry.xlsx'), bytes)));
    expect(error.text?.key).toBe('xlsx.damaged');
    expect(error.exitCode).toBe(2);
  });

  it('a zip that is no workbook', async () => {
    const dir = tempDir();
    const file = join(dir, 'notes.xlsx');
    // A zip with one stored file "a.txt": no workbook part.
    const name = Buffer.from('a.txt');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(local.length + name.length, 16);
    writeText(file, Buffer.concat([local, name, central, name, end]));
    const error = await errorOf(readRows(file));
    expect(error.text?.key).toBe('xlsx.not_workbook');
  });

  it("a row number past Excel's last row ends at once, without allocating for it", async () => {
    const file = fixture('damaged-absurd-row');
    expect(readFileSync(file).length).toBeLessThan(4096);
    const before = process.memoryUsage().rss;
    const error = await errorOf(readRows(file));
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
    expect(error.exitCode).toBe(2);
    expect(error.render('en').replace(FIXTURES, '<dir>')).toMatchInlineSnapshot(
      `"<dir>/damaged-absurd-row.xlsx, sheet "学生": after row 2 comes a row numbered 2,000,000,000, beyond Excel's last row 1,048,576 — the file is damaged; open it in Excel or WPS and save it again, or export it as CSV"`,
    );
  });

  it("a cell past Excel's last column (XFD)", async () => {
    const error = await errorOf(readRows(fixture('damaged-column-beyond-xfd')));
    expect(error.text?.key).toBe('xlsx.column_out_of_range');
    expect(error.text?.params).toMatchObject({ row: 3, value: 16_385 });
  });
});

describe('a header over two rows (merged cells)', () => {
  it('says the header spans two rows and to make it one, not to map columns that cannot be mapped', async () => {
    const error = await errorOf(loadFile('registry', fixture('hand-two-row-header')));
    expect(error.exitCode).toBe(2);
    expect(error.render('en').replace(FIXTURES, '<dir>')).toMatchInlineSnapshot(
      `"<dir>/hand-two-row-header.xlsx: the header spans two rows (rows 1 and 2, most likely merged cells), and the missing column names 学籍状态, 学校名称 are on row 2 — unmerge the header cells and put every column name on one row (delete the other row), then run again; naming the columns under "columns" in the config file does not help here"`,
    );
    expect(error.render('zh').replace(FIXTURES, '<dir>')).toMatchInlineSnapshot(
      `"<dir>/hand-two-row-header.xlsx：表头占了两行（第 1 行和第 2 行，多半是合并单元格），缺少的列名 学籍状态, 学校名称 在第 2 行——请取消表头的合并单元格，把每列的列名放在同一行（删去多余的那一行）后再运行；仅在配置文件的 columns 中写列名不能解决"`,
    );
  });

  it('keeps the usual advice for a title row above a header that is not recognised', async () => {
    const dir = tempDir();
    const file = await writeXlsx(join(dir, 'c.xlsx'), { 学生: [['某县学籍导出'], ['姓名', '号码', '状态', '单位']] });
    const error = await errorOf(loadFile('registry', file));
    expect(error.text?.key).toBe('schema.missing_fields');
    expect(error.message).toContain('required fields are missing from the registry file (header on row 1)');
  });

  it('keeps the usual advice when the row below is data, or there is none', async () => {
    const dir = tempDir();
    const header = ['姓名', '身份证号', '学校名称'];
    const withData = await writeXlsx(join(dir, 'a.xlsx'), { 学生: [header, ['张伟', '341324201503050012', '城关小学']] });
    expect((await errorOf(loadFile('registry', withData))).message).toMatch(/required field "status" .* map it in the config file/);
    const alone = await writeXlsx(join(dir, 'b.xlsx'), { 学生: [header] });
    expect((await errorOf(loadFile('registry', alone))).message).toMatch(/required field "status" .* map it in the config file/);
  });
});

describe('cells merged down a column that is read (the per-school layout)', () => {
  const header = ['学校名称', '乡镇', '姓名', '身份证号', '学籍状态', '备注'];
  const people = [
    ['城关小学', '城关镇', '张伟', '341324201503050012', '在读', '转入'],
    ['', '', '李娜', '341324201607120024', '在读', ''],
    ['', '', '王芳', '341324201509010021', '在读', ''],
    ['城南小学', '城关镇', '赵磊', '341324201411110017', '在读', ''],
    ['', '', '钱明', '341324201412120015', '在读', ''],
  ];

  /** The layout exports are printed in: a title merged across, each school's cells merged over its rows. */
  async function workbook(merges: string[]): Promise<string> {
    const file = join(tempDir(), 'registry.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('学生');
    sheet.addRow(['2026 年秋季学期学籍名单']);
    sheet.addRow(header);
    for (const row of people) sheet.addRow(row);
    sheet.mergeCells('A1:F1');
    for (const range of merges) sheet.mergeCells(range);
    await book.xlsx.writeFile(file);
    return file;
  }

  it('stops (exit 2) naming the column, its header and the rows, and how to unmerge and fill', async () => {
    const file = await workbook(['A3:A5', 'B3:B5', 'A6:A7', 'B6:B7']);
    const error = await errorOf(loadFile('registry', file));
    expect(error.exitCode).toBe(2);
    expect(error.render('zh')).toContain(
      `${file}，工作表“学生”：第 1 列（A 列）“学校名称”第 3–5 行是合并单元格（读取的列中共有 4 处跨行合并）`,
    );
    expect(error.render('zh')).toContain('拆分并填充内容');
    expect(error.render('en')).toContain(`${file}, sheet "学生": column 1 (A) "学校名称", rows 3–5, are merged cells (4 ranges`);
    expect(error.render('en')).toContain('Unmerge them and fill the value into every row');
  });

  it('reads a workbook whose merged cells are in the title, in a column no field reads, or below the last row', async () => {
    const file = await workbook(['F3:F5', 'A7:A9']);
    const loaded = await loadFile('registry', file);
    expect(loaded.rowsAccepted).toBe(5);
  });

  it('reads a workbook with a footer merged below the records (备注, 填报人), or a header merged over two rows', async () => {
    const footer = join(tempDir(), 'footer.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('学生');
    sheet.addRow(header);
    for (const row of people) sheet.addRow(row);
    sheet.addRow(['备注：以上名单由各校核对']);
    sheet.addRow([]);
    sheet.addRow(['填报人：　　审核人：　　填报日期：']);
    sheet.mergeCells('A7:F8');
    sheet.mergeCells('A9:F9');
    await book.xlsx.writeFile(footer);
    expect((await loadFile('registry', footer)).rowsAccepted).toBe(5);

    const twoRows = join(tempDir(), 'two-rows.xlsx');
    const grouped = new ExcelJS.Workbook();
    const top = grouped.addWorksheet('学生');
    top.addRow([...header.slice(0, 5), '报到情况']);
    top.addRow(['', '', '', '', '', '是否报到']);
    for (const row of people) top.addRow(row);
    for (const column of ['A', 'B', 'C', 'D', 'E']) top.mergeCells(`${column}1:${column}2`);
    await grouped.xlsx.writeFile(twoRows);
    expect((await loadFile('registry', twoRows)).rowsAccepted).toBe(5);
  });
});

describe('a register split across sheets with the same header (小学 / 初中)', () => {
  const header = ['姓名', '身份证号', '学籍状态', '学校名称'];
  const primary = ['张伟', '341324201503050012', '在读', '城关小学'];
  const junior = ['李娜', '341324201207120024', '在读', '城关中学'];

  it('stops (exit 2) naming the sheets and how to fix it, instead of reading the first alone', async () => {
    const dir = tempDir();
    const file = await writeXlsx(join(dir, 'registry.xlsx'), {
      小学: [header, primary],
      说明: [['本表由学籍系统导出']],
      初中: [['2026 年秋季学期'], [], header, junior],
    });
    const error = await errorOf(loadFile('registry', file));
    expect(error.exitCode).toBe(2);
    expect(error.render('zh')).toBe(
      `${file}：工作表 "小学", "初中" 的表头相同，数据分在了几个工作表里，而只会读取第一个工作表“小学”——其余工作表的行会被漏掉，变成大量误报。请把这些工作表的行复制到同一个工作表里（只保留一行表头）后再运行；如果其中只有一个是要用的数据（例如另一个是上学期的），请在配置文件中写 "sources": { "registry": { "sheet": "…" } } 指定它`,
    );
    expect(error.render('en')).toContain(`${file}: sheets "小学", "初中" have the same header, so the data is split across sheets`);
  });

  it('reads the sheet the config names, even when another has the same header', async () => {
    const dir = tempDir();
    const file = await writeXlsx(join(dir, 'registry.xlsx'), { 本学期: [header, primary], 上学期: [header, junior] });
    expect((await loadFile('registry', file, { sheet: '本学期' })).rowsAccepted).toBe(1);
  });

  it('reads the first sheet when the others have another header, or the same header and no rows', async () => {
    const dir = tempDir();
    const file = await writeXlsx(join(dir, 'registry.xlsx'), {
      学生: [header, primary],
      汇总: [
        ['学校名称', '人数'],
        ['城关小学', 1],
      ],
      模板: [header, [], []],
    });
    expect((await loadFile('registry', file)).rowsAccepted).toBe(1);
  });

  it('does not count a hidden sheet with the same header (an old copy kept out of sight)', async () => {
    const dir = tempDir();
    const file = join(dir, 'registry.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('学生').addRows([header, primary]);
    book.addWorksheet('旧数据', { state: 'hidden' }).addRows([header, junior]);
    await book.xlsx.writeFile(file);
    expect((await loadFile('registry', file)).rowsAccepted).toBe(1);
  });
});
