import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RollcallError } from '../../src/domain/index.js';
import { tempDir, join, writeCsv, writeText, writeXlsx } from '../helpers/files.js';
import { makeId } from '../helpers/ids.js';
import { loadFile } from '../helpers/load.js';

const HEADER = ['姓名', '身份证号', '学籍状态', '学校名称', '性别', '出生日期'];
const ID_A = makeId('341324', '20150305', 121);
const ID_B = makeId('341324', '20160712', 242);

async function errorOf(promise: Promise<unknown>, dir: string): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RollcallError);
  const { code, message } = error as RollcallError;
  return { code, message: message.replaceAll(dir, '<dir>') };
}

describe('reading CSV', () => {
  it('detects GB18030 and decodes names, including a four-byte character', async () => {
    const dir = tempDir();
    const file = writeCsv(
      join(dir, 'registry.csv'),
      [HEADER, ['王㐀', ID_A, '在读', '城关小学', '男', '2015-03-05'], ['李𠀀', ID_B, '在读', '城关小学', '女', '']],
      {
        encoding: 'gb18030',
      },
    );
    const loaded = await loadFile('registry', file);
    expect(loaded.encoding).toBe('gb18030');
    expect(loaded.records.map((r) => r.nameRaw)).toEqual(['王㐀', '李𠀀']);
    expect(loaded.records.map((r) => r.school)).toEqual(['城关小学', '城关小学']);
  });

  it('reads UTF-8 with a BOM and CRLF line endings; the BOM does not stick to the first header', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'registry.csv'), [HEADER, ['张伟', ID_A, '在读', '城关小学', '男', '2015/3/5']], {
      bom: true,
      eol: '\r\n',
    });
    const loaded = await loadFile('registry', file);
    expect(loaded.encoding).toBe('utf-8');
    expect(loaded.fields.name).toBe('姓名');
    expect(loaded.records).toHaveLength(1);
    expect(loaded.records[0]).toMatchObject({
      name: '张伟',
      id: ID_A,
      idState: 'valid',
      statusKind: 'active',
      birthDate: 20150305,
      gender: 'M',
      row: 2,
    });
  });

  it('obeys a forced encoding instead of detecting one', async () => {
    const dir = tempDir();
    const file = writeCsv(
      join(dir, 'household.csv'),
      [
        ['姓名', '身份证号', '户籍状态'],
        ['张伟', ID_A, '正常'],
      ],
      { encoding: 'gb18030' },
    );
    expect((await loadFile('household', file, { encoding: 'gb18030' })).records[0]!.name).toBe('张伟');
    const { code } = await errorOf(loadFile('household', file, { encoding: 'utf-8' }), dir);
    expect(code).toBe('encoding');
  });

  it('accounts for every row of a malformed CSV: the right rows are rejected, the rest read', async () => {
    const dir = tempDir();
    const text = [
      '姓名,身份证号,户籍状态,村', // 1
      `张伟,${ID_A},正常,前进村`, // 2 accepted
      '', // 3 blank in the middle
      `李娜,${ID_B},正常`, // 4 too few fields
      `王芳,${ID_B},正常,前进村,多余`, // 5 too many fields
      `"赵六,${ID_A},正常,前进村`, // 6 quote never closed… swallows the line after it
      `孙七,${ID_B},正常,后进村`, // 7 accepted after recovery
      `周八,${ID_A},正常,前进村,`, // 8 accepted: an extra empty field is harmless
      ',,,', // 9 blank cells in the middle
      '姓名,身份证号,户籍状态,村', // 10 the header again
      ',,正常,前进村', // 11 nobody to identify
      `吴九,${ID_B},正常,前进村`, // 12 accepted
      '', // trailing blank lines are not rows
      ',,,',
      '',
    ].join('\n');
    const file = writeText(join(dir, 'household.csv'), text);
    const loaded = await loadFile('household', file);
    expect(loaded.records.map((r) => r.row)).toEqual([2, 7, 8, 12]);
    expect(loaded.rejected.map((r) => [r.row, r.reason])).toEqual([
      [3, 'blank_row'],
      [4, 'field_count'],
      [5, 'field_count'],
      [6, 'unclosed_quote'],
      [9, 'blank_row'],
      [10, 'repeated_header'],
      [11, 'no_identity'],
    ]);
    expect(loaded.rowsRead).toBe(11);
    expect(loaded.rowsRead).toBe(loaded.rowsAccepted + loaded.rowsRejected);
  });

  it('finds the header below a title row and reports row numbers as the sheet shows them', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'registry.csv'), [
      ['某县学籍导出 2026年9月'],
      [],
      HEADER,
      ['张伟', ID_A, '在读', '城关小学', '男', ''],
    ]);
    const loaded = await loadFile('registry', file);
    expect(loaded.headerRow).toBe(3);
    expect(loaded.records[0]!.row).toBe(4);
    expect(loaded.rowsRead).toBe(1);
  });

  it('maps a header the config names, in addition to the synonyms', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'household.csv'), [
      ['姓名', '公民身份证', '状态'],
      ['张伟', ID_A, '正常'],
    ]);
    const loaded = await loadFile('household', file, { columns: { id_number: ['公民身份证'], status: ['状态'] } });
    expect(loaded.fields).toMatchObject({ id_number: '公民身份证', status: '状态' });
    expect(loaded.records[0]!.idState).toBe('valid');
  });

  it('matches headers after NFKC and white-space removal', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'household.csv'), [
      ['姓 名', ' 身份证号码 ', '户籍状态', '乡镇(街道)'],
      ['张伟', ID_A, '正常', '城关镇'],
    ]);
    const loaded = await loadFile('household', file);
    expect(loaded.fields).toMatchObject({ name: '姓 名', id_number: '身份证号码', township: '乡镇(街道)' });
  });

  it('stops with a schema error naming the file, the missing field, the headers found and the config key', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'registry.csv'), [
      ['学生姓名', '证件', '学籍状态', '学校'],
      ['张伟', ID_A, '在读', '城关小学'],
    ]);
    const { code, message } = await errorOf(loadFile('registry', file), dir);
    expect(code).toBe('schema');
    expect(message).toMatchInlineSnapshot(`
      "<dir>/registry.csv: a required field is missing from the registry file (header on row 1):
        required field "id_number" (身份证号, 身份证号码, 身份证件号, 身份证件号码, 公民身份号码, 证件号码, 证件号) not found — if the file names it differently, map it in the config file: sources.registry.columns.id_number = "<header in the file>"
        headers found: 学生姓名, 证件, 学籍状态, 学校"
    `);
  });

  it('reports a mixed-encoding file instead of reading it wrong', async () => {
    const dir = tempDir();
    const good = `姓名,身份证号,户籍状态\n${`张伟,${ID_A},正常\n`.repeat(5000)}`;
    const file = join(dir, 'household.csv');
    writeFileSync(file, Buffer.concat([Buffer.from(good, 'utf8'), Buffer.from([0xd5, 0xc5, 0x2c, 0x0a])]));
    const { code, message } = await errorOf(loadFile('household', file), dir);
    expect(code).toBe('encoding');
    expect(message).toMatch(/household\.csv: line 5,002 is not UTF-8 .* --encoding gb18030/);
  });
});

describe('reading XLSX', () => {
  it('reads real date cells as dates and reports numeric ID cells as malformed with their digits lost', async () => {
    const dir = tempDir();
    const file = await writeXlsx(join(dir, 'registry.xlsx'), {
      学生: [
        HEADER,
        ['张伟', ID_A, '在读', '城关小学', '男', new Date(Date.UTC(2015, 2, 5))],
        ['李娜', 341324201607122425, '在读', '城关小学', '女', '2016年7月12日'],
      ],
    });
    const loaded = await loadFile('registry', file);
    expect(loaded.format).toBe('xlsx');
    expect(loaded.sheet).toBe('学生');
    expect(loaded.records[0]).toMatchObject({ row: 2, idState: 'valid', birthDate: 20150305 });
    expect(loaded.records[1]).toMatchObject({ row: 3, idState: 'malformed', idNote: 'numeric_cell', birthDate: 20160712 });
    expect(loaded.problems.idDigitsLost).toBe(1);
  });

  it('reads the first sheet, or the sheet the config names', async () => {
    const dir = tempDir();
    const file = await writeXlsx(join(dir, 'registry.xlsx'), {
      说明: [['本表由学籍系统导出']],
      学生: [HEADER, ['张伟', ID_A, '在读', '城关小学', '男', '']],
    });
    await expect(loadFile('registry', file)).rejects.toThrow(/required fields are missing/);
    const loaded = await loadFile('registry', file, { sheet: '学生' });
    expect(loaded.records).toHaveLength(1);
    const { message } = await errorOf(loadFile('registry', file, { sheet: '学籍' }), dir);
    expect(message).toMatchInlineSnapshot(
      `"<dir>/registry.xlsx: there is no sheet named "学籍" (sheets: "说明", "学生"; hidden or chart sheets: —) — set "sources": { "registry": { "sheet": "…" } } in the config file to one of them"`,
    );
  });

  it('counts empty rows between records as rejected blank rows', async () => {
    const dir = tempDir();
    const file = await writeXlsx(join(dir, 'household.xlsx'), {
      Sheet1: [['姓名', '身份证号', '户籍状态'], ['张伟', ID_A, '正常'], [], [], ['李娜', ID_B, '正常']],
    });
    const loaded = await loadFile('household', file);
    expect(loaded.records.map((r) => r.row)).toEqual([2, 5]);
    expect(loaded.rejected.map((r) => [r.row, r.reason])).toEqual([
      [3, 'blank_row'],
      [4, 'blank_row'],
    ]);
  });
});

describe('files that cannot be read', () => {
  it.each([
    ['a missing file', 'nope.csv', null, 'file_missing'],
    ['a legacy .xls', 'old.xls', 'x', 'file_format'],
    ['an unknown extension', 'data.json', '{}', 'file_format'],
    ['a workbook named .csv', 'book.csv', Buffer.from('PK\x03\x04rest'), 'file_format'],
    ['binary data', 'blob.csv', Buffer.from([1, 2, 0, 3]), 'file_format'],
    ['UTF-16 text', 'u16.csv', Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'encoding'],
    ['a broken workbook', 'broken.xlsx', 'not a zip', 'file_format'],
    ['an empty file', 'empty.csv', '', 'schema'],
  ])('%s: a clear error', async (_what, name, content, code) => {
    const dir = tempDir();
    const file = join(dir, name);
    if (content !== null) writeText(file, content);
    const error = await errorOf(loadFile('household', file), dir);
    expect(error.code).toBe(code);
    expect(error.message.startsWith(`<dir>/${name}: `)).toBe(true);
    expect(error.message).toMatch(/ — /);
  });
});

describe('files that are not what their name says speak the run language (中文 by default)', () => {
  it.each([
    ['a legacy .xls', 'old.xls', 'x', '不能读取旧版 Excel .xls 文件——请用 Excel 或 WPS 打开后另存为 .xlsx 或 CSV'],
    ['an OpenDocument sheet (.ods)', 'data.ods', 'x', '不认识的文件类型“.ods”——请用 Excel 或 WPS 打开后另存为 .xlsx，或导出为 .csv'],
    ['a file with no extension', 'data', 'x', '不认识的文件类型“无扩展名”'],
    ['UTF-16 text', 'u16.csv', Buffer.from([0xff, 0xfe, 0x41, 0x00]), '这是 UTF-16 文本（Excel 的“Unicode 文本”），不能读取'],
    ['a workbook named .csv', 'book.csv', Buffer.from('PK\x03\x04rest'), '这是工作簿（.xlsx），文件名却是 .csv——请把扩展名改为 .xlsx'],
    ['a legacy .xls named .csv', 'old.csv', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1]), '这是旧版 Excel .xls 工作簿，文件名却是 .csv'],
    ['binary data', 'blob.csv', Buffer.from([1, 2, 0, 3]), '含有二进制数据，不是 CSV 文本'],
  ])('%s', async (_what, name, content, zh) => {
    const dir = tempDir();
    const file = writeText(join(dir, name), content);
    const error = (await loadFile('household', file).catch((caught: unknown) => caught)) as RollcallError;
    expect(error).toBeInstanceOf(RollcallError);
    expect(error.exitCode).toBe(2);
    expect(error.render('zh').startsWith(`${file}：`)).toBe(true);
    expect(error.render('zh')).toContain(zh);
    expect(error.render('en')).toBe(error.message);
    expect(error.render('en')).toMatch(/ — /);
  });
});
