import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RollcallError } from '../../src/domain/index.js';
import { t } from '../../src/i18n/index.js';
import { MAX_BLANK_RUN } from '../../src/load/load-source.js';
import { join, tempDir, writeCsv, writeText } from '../helpers/files.js';
import { makeId } from '../helpers/ids.js';
import { loadFile } from '../helpers/load.js';
import { ExcelJS } from '../helpers/xlsx.js';

// Issue #8: every damaged or hostile input is a clear exit-2 error (SPEC §6), never a
// shorter run, a hang, or a message that carries a child's name or ID.

const HEADER = '姓名,身份证号,户籍状态,村';
const ID_A = makeId('341324', '20150305', 121);
const ID_B = makeId('341324', '20160712', 242);
const row = (name: string, id: string) => `${name},${id},正常,前进村`;

async function stopOf(promise: Promise<unknown>, dir: string): Promise<RollcallError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RollcallError);
  const stop = error as RollcallError;
  expect(stop.exitCode).toBe(2);
  return Object.assign(stop, { message: stop.message.replaceAll(dir, '<dir>') });
}

describe('a CSV cut short (SPEC §6)', () => {
  it('a last line that stops inside a quoted field: cut short, exit 2', async () => {
    const dir = tempDir();
    const file = writeText(join(dir, 'household.csv'), `${HEADER}\n${row('张伟', ID_A)}\n李娜,${ID_B},"正`);
    const stop = await stopOf(loadFile('household', file), dir);
    expect(stop.code).toBe('file_format');
    expect(stop.message).toMatchInlineSnapshot(
      `"<dir>/household.csv: the file ends in the middle of a row (the quote on line 3 is never closed): cut short (damaged or still being copied) — wait for the copy to finish or export it again"`,
    );
    expect(stop.render('zh')).toContain('文件不完整');
  });

  it('the line of an unclosed quote on the last line is named right, with line breaks after it (LF or CRLF)', async () => {
    const dir = tempDir();
    for (const eol of ['\n', '\r\n']) {
      const file = writeText(join(dir, 'household.csv'), [HEADER, row('张伟', ID_A), `李娜,${ID_B},"正`, '', ''].join(eol));
      expect((await stopOf(loadFile('household', file), dir)).message).toContain('the quote on line 3 is never closed');
    }
  });

  it('a quote left open in the middle of the file stays one rejected row', async () => {
    const dir = tempDir();
    const file = writeText(join(dir, 'household.csv'), `${HEADER}\n"${row('张伟', ID_A)}\n${row('李娜', ID_B)}\n`);
    const loaded = await loadFile('household', file);
    expect(loaded.rejected.map((r) => [r.row, r.reason])).toEqual([[2, 'unclosed_quote']]);
    expect(loaded.records.map((r) => r.row)).toEqual([3]);
  });

  it.each([
    ['UTF-8', 'utf8', 1],
    ['UTF-8', 'utf8', 2],
    ['GB18030', 'gb18030', 1],
    ['GB18030 (a four-byte character)', 'gb18030', 3],
  ] as const)('a last line that stops inside a %s character (%s, %i byte(s) of it written)', async (_name, encoding, keep) => {
    const dir = tempDir();
    const body = iconv.encode(`${HEADER}\n${row('张伟', ID_A)}\n${row('李娜', ID_B)}\n王`, encoding);
    const last = encoding === 'gb18030' && keep === 3 ? iconv.encode('𠀀', 'gb18030') : iconv.encode('芳', encoding);
    const file = join(dir, 'household.csv');
    writeFileSync(file, Buffer.concat([body, last.subarray(0, encoding === 'utf8' ? keep : keep === 3 ? 3 : 1)]));
    const stop = await stopOf(loadFile('household', file, { encoding: encoding === 'utf8' ? 'utf-8' : 'gb18030' }), dir);
    expect(stop.message).toBe(
      '<dir>/household.csv: the file ends in the middle of a character (line 4): cut short (damaged or still being copied) — wait for the copy to finish or export it again',
    );
  });

  it('a last line with no line break and fewer fields than the header: cut in the middle of a row', async () => {
    const dir = tempDir();
    const file = writeText(join(dir, 'household.csv'), `${HEADER}\n${row('张伟', ID_A)}\n李娜,${ID_B.slice(0, 9)}`);
    const stop = await stopOf(loadFile('household', file), dir);
    expect(stop.message).toBe(
      '<dir>/household.csv: the file ends in the middle of a row (the last line, 3, has no line break and fewer fields than the header): cut short (damaged or still being copied) — wait for the copy to finish or export it again',
    );
    expect(stop.message).not.toContain(ID_B.slice(0, 9));
  });

  it('a file whose last line is whole but has no line break is read as usual', async () => {
    const dir = tempDir();
    const file = writeText(join(dir, 'household.csv'), `${HEADER}\n${row('张伟', ID_A)}\n${row('李娜', ID_B)}`);
    expect((await loadFile('household', file)).records.map((r) => r.name)).toEqual(['张伟', '李娜']);
  });
});

describe('mixed encodings anywhere in the file', () => {
  const lines = (count: number) => Array.from({ length: count }, (_, i) => row(i % 2 ? '张伟' : '欧阳娜娜', i % 2 ? ID_A : ID_B));

  it('a GB18030 export with UTF-8 rows pasted after row 1,500: stops naming the line', async () => {
    const dir = tempDir();
    const file = join(dir, 'household.csv');
    writeFileSync(
      file,
      Buffer.concat([
        iconv.encode(`${[HEADER, ...lines(1500)].join('\n')}\n`, 'gb18030'),
        Buffer.from(`${lines(600).join('\n')}\n`, 'utf8'),
      ]),
    );
    const stop = await stopOf(loadFile('household', file), dir);
    expect(stop.code).toBe('encoding');
    expect(stop.message).toMatch(/^<dir>\/household\.csv: the file is read as GB18030, but line 1,502 is UTF-8/);
  });

  it('a UTF-8 export with GB18030 rows far after the first 64 KB: names the line, not a byte offset', async () => {
    const dir = tempDir();
    const file = join(dir, 'household.csv');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${[HEADER, ...lines(3000)].join('\n')}\n`, 'utf8'),
        iconv.encode(`${lines(10).join('\n')}\n`, 'gb18030'),
      ]),
    );
    const stop = await stopOf(loadFile('household', file), dir);
    expect(stop.message).toMatch(/^<dir>\/household\.csv: line 3,002 is not UTF-8/);
  });

  it('bytes that are not GB18030 at all name their line', async () => {
    const dir = tempDir();
    const file = join(dir, 'household.csv');
    writeFileSync(
      file,
      Buffer.concat([iconv.encode(`${[HEADER, ...lines(20)].join('\n')}\n`, 'gb18030'), Buffer.from([0xd5, 0xff, 0x2c, 0x0a])]),
    );
    const stop = await stopOf(loadFile('household', file), dir);
    expect(stop.message).toMatch(/^<dir>\/household\.csv: line 22 has bytes that are not GB18030/);
  });

  it('a large GB18030 file of ordinary rows is not taken for UTF-8 (no false alarm)', async () => {
    const dir = tempDir();
    const surnames =
      '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
    const given = '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国';
    const rows = Array.from({ length: 20000 }, (_, i) => {
      const name = surnames[i % surnames.length]! + given[(i * 7) % given.length]! + (i % 3 ? given[(i * 13) % given.length]! : '');
      return `${name},${i % 2 ? ID_A : ID_B},正常,前进村`;
    });
    const file = join(dir, 'household.csv');
    writeFileSync(file, iconv.encode(`${[HEADER, ...rows].join('\n')}\n`, 'gb18030'));
    const loaded = await loadFile('household', file);
    expect(loaded.encoding).toBe('gb18030');
    expect(loaded.records).toHaveLength(20000);
  });
});

describe('inputs that are not regular files, or not readable', () => {
  it.each([
    ['a folder', 'folder', /it is a folder/],
    ['a device', '/dev/null', /it is a device/],
  ])('%s: exit 2 at once', async (_what, path, pattern) => {
    const dir = tempDir();
    const file = path.startsWith('/') ? path : join(dir, 'folder.csv');
    if (!path.startsWith('/')) mkdirSync(file);
    const stop = await stopOf(loadFile('household', file), dir);
    expect(stop.code).toBe('file_unreadable');
    expect(stop.message).toMatch(pattern);
    expect(stop.message).toContain('not a regular file');
  });

  it('a read that fails half way (EIO) is an input problem, exit 2 naming the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'household.csv');
    symlinkSync('/proc/self/mem', file); // a regular file whose reads at offset 0 fail with EIO
    const stop = await stopOf(loadFile('household', file), dir);
    expect(stop.message).toBe('<dir>/household.csv: cannot be read (EIO) — check the path and its permissions');
  });

  it('a FIFO: exit 2 at once, never a read that blocks', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'household.csv');
    execFileSync('mkfifo', [fifo]);
    const stop = await stopOf(loadFile('household', fifo), dir);
    expect(stop.message).toMatch(/^<dir>\/household\.csv: not a regular file \(it is a named pipe, FIFO\)/);
  }, 5000);
});

describe('resource bombs', () => {
  it('a line of several MB with no line break stops at the documented limit, at once', async () => {
    const dir = tempDir();
    const file = join(dir, 'household.csv');
    writeFileSync(file, Buffer.concat([Buffer.from(`${HEADER}\n${row('张伟', ID_A)}\n`), Buffer.alloc(8 << 20, 0x41)]));
    const started = performance.now();
    const stop = await stopOf(loadFile('household', file), dir);
    expect(stop.message).toBe(
      '<dir>/household.csv: line 3 is longer than 1 MB, which no export row is: the file is damaged or not an export — export it again',
    );
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('empty rows at the end are not rows, however many (kept as a range, not one entry a row)', async () => {
    const dir = tempDir();
    const file = join(dir, 'household.csv');
    writeFileSync(file, `${HEADER}\n${row('张伟', ID_A)}\n${'\n'.repeat(2_000_000)}`);
    const loaded = await loadFile('household', file);
    expect(loaded.rowsRead).toBe(1);
    expect(loaded.rejected).toEqual([]);
  });

  it('a few empty rows between records are rejected one by one; a run of more than the limit stops the run', async () => {
    const dir = tempDir();
    const few = writeText(join(dir, 'few.csv'), `${HEADER}\n${row('张伟', ID_A)}\n\n,,,\n${row('李娜', ID_B)}\n`);
    expect((await loadFile('household', few)).rejected.map((r) => [r.row, r.reason])).toEqual([
      [3, 'blank_row'],
      [4, 'blank_row'],
    ]);
    const many = writeText(
      join(dir, 'many.csv'),
      `${HEADER}\n${row('张伟', ID_A)}\n${'\n'.repeat(MAX_BLANK_RUN + 1)}${row('李娜', ID_B)}\n`,
    );
    const stop = await stopOf(loadFile('household', many), dir);
    expect(stop.message).toBe(
      '<dir>/many.csv: rows 3–10,003 are 10,001 empty rows in a row between records (the limit is 10,000): the file is damaged or has junk pasted into it — delete the empty rows or export it again',
    );
  });

  it('a workbook whose row numbers jump by a million is one range of blank rows, not a million entries', async () => {
    const dir = tempDir();
    const file = join(dir, 'household.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.getRow(1).values = ['姓名', '身份证号', '户籍状态'];
    sheet.getRow(2).values = ['张伟', ID_A, '正常'];
    sheet.getRow(1_000_002).values = ['李娜', ID_B, '正常'];
    await workbook.xlsx.writeFile(file);
    const stop = await stopOf(loadFile('household', file), dir);
    expect(stop.message).toMatch(/rows 3–1,000,001 are 999,999 empty rows in a row between records/);
  });
});

describe('an export without its header row', () => {
  it('says the first row looks like data, and never echoes it', async () => {
    const dir = tempDir();
    const file = writeText(
      join(dir, 'registry.csv'),
      `张伟,${ID_A},在读,城关小学,男,2015-03-05\n李娜,${ID_B},在读,城关小学,女,2016-07-12\n`,
    );
    const stop = await stopOf(loadFile('registry', file), dir);
    expect(stop.code).toBe('schema');
    for (const text of [stop.message, stop.render('zh')]) {
      expect(text).not.toContain(ID_A);
      expect(text).not.toContain('张伟');
      expect(text).not.toContain('2015-03-05');
    }
    expect(stop.message).toContain('row 1 of the registry file looks like data, not headers');
    // The source by its 中文 name, not its English code.
    expect(stop.render('zh')).toContain('：学籍系统导出文件第 1 行看起来是数据而不是表头');
  });

  it('a name alone is enough to keep the row out of the message', async () => {
    const dir = tempDir();
    const file = writeText(join(dir, 'poverty.csv'), '欧阳娜娜,在校生,城关镇\n');
    const stop = await stopOf(loadFile('poverty', file), dir);
    expect(stop.message).not.toContain('欧阳娜娜');
    expect(stop.message).toContain('looks like data');
  });

  it('a real header row that lacks a field still lists its headers (they are what the clerk maps)', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'registry.csv'), [
      ['学生姓名', '证件', '学籍状态', '学校'],
      ['张伟', ID_A, '在读', '城关小学'],
    ]);
    const stop = await stopOf(loadFile('registry', file), dir);
    expect(stop.message).toContain('headers found: 学生姓名, 证件, 学籍状态, 学校');
  });
});

describe('rejected rows carry a catalogue message (rendered in the run language)', () => {
  it('field_count: the detail in 中文 and English', async () => {
    const dir = tempDir();
    const file = writeText(join(dir, 'household.csv'), `${HEADER}\n${row('张伟', ID_A)}\n李娜,${ID_B},正常\n`);
    const [rejected] = (await loadFile('household', file)).rejected;
    expect(rejected?.detail).toEqual({ key: 'io.rejected_field_count', params: { fields: 3, expected: 4 } });
    expect(t(rejected!.detail.key, 'zh', rejected!.detail.params)).toBe('该行有 3 个字段，表头有 4 个');
  });
});
