import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../src/load/read-xlsx.js';
import { writeWorkbookFile } from '../../src/report/workbook-file.js';
import { join, tempDir } from '../helpers/files.js';
import { readWorkbook } from '../helpers/xlsx.js';

// report/stored-parts.ts: the parts exceljs adds whole are stored, the sheets deflated;
// the workbook reads back the same with exceljs and with rollcall's own reader.

/** Each entry's name and compression method (0 stored, 8 deflated), from the central directory. */
function methods(zip: Buffer): Map<string, number> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const found = new Map<string, number>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    found.set(zip.toString('utf8', at + 46, at + 46 + nameLength), zip.readUInt16LE(at + 10));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return found;
}

describe('whole parts stored, sheets deflated (report/stored-parts.ts)', () => {
  it('stores styles, theme, relationships and properties; deflates the sheets; reads back the same', async () => {
    const file = join(tempDir(), 'parts.xlsx');
    const rows = Array.from({ length: 500 }, (_, i) => ({ cells: [`第${i}行`, i] }));
    await writeWorkbookFile(file, {
      created: new Date(0),
      pageHeader: '',
      pageFooter: '',
      sheets: [
        {
          name: '名单',
          columns: [
            { header: '姓名', width: 10 },
            { header: '序号', width: 6 },
          ],
          rows,
        },
      ],
    });
    const parts = methods(readFileSync(file));
    expect(parts.get('xl/worksheets/sheet1.xml')).toBe(8);
    for (const part of ['xl/styles.xml', 'xl/theme/theme1.xml', '_rels/.rels', '[Content_Types].xml', 'xl/workbook.xml'])
      expect(parts.get(part), part).toBe(0);

    const sheet = (await readWorkbook(file)).getWorksheet('名单')!;
    expect(sheet.getRow(501).getCell(1).value).toBe('第499行');
    expect(sheet.getRow(501).getCell(2).value).toBe(499);
    const read: unknown[][] = [];
    await readXlsxRows(file, null, { start: () => undefined, row: (cells) => read.push([...cells]), broken: () => undefined });
    expect(read).toHaveLength(501);
    expect(read[500]).toEqual(['第499行', 499]);
  });
});
