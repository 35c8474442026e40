import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join, tempDir, writeXlsx, writeXlsxStreaming } from '../helpers/files.js';
import { makeId } from '../helpers/ids.js';
import { loadFile } from '../helpers/load.js';

describe('reading a large workbook of Chinese text', () => {
  it.each([
    ['shared strings', writeXlsx],
    ['inline strings (streaming writer)', writeXlsxStreaming],
  ])('decodes characters split across compressed chunks (exceljs #2063 lost them): %s', async (_how, write) => {
    const dir = tempDir();
    const alphabet = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华阿依古丽买提·';
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const names = Array.from({ length: 3000 }, () =>
      Array.from({ length: 2 + (next() % 6) }, () => alphabet[next() % alphabet.length]).join(''),
    );
    // Long Chinese cells: the sheet's XML is mostly multi-byte text, so chunk boundaries fall inside characters.
    const village = (name: string) => `${name.repeat(20)}村`;
    const rows = names.map((name, i) => [name, makeId('341324', '20150305', (i % 499) * 2 + 1), '正常', village(name)]);
    const header = ['姓名', '身份证号', '户籍状态', '村'];
    const file =
      write === writeXlsx
        ? await writeXlsx(join(dir, 'household.xlsx'), { 户籍: [header, ...rows] })
        : await writeXlsxStreaming(join(dir, 'household.xlsx'), [header, ...rows]);
    // Several hundred KB of sheet XML: it is inflated in 16 KB chunks, and three-byte characters straddle their edges.
    expect(statSync(file).size).toBeGreaterThan(100_000);
    const loaded = await loadFile('household', file);
    expect(loaded.records.map((r) => r.nameRaw)).toEqual(names);
    expect(loaded.records.map((r) => r.village)).toEqual(names.map(village));
  });
});
