import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeWorkbookFile } from '../../src/report/workbook-file.js';
import { join, tempDir } from '../helpers/files.js';
import { readFileSync } from 'node:fs';

// report/native-crc.ts replaces the JavaScript CRC-32 archiver uses with zlib's. The
// numbers must be the same: every entry of a written workbook is inflated and its
// CRC computed here, the slow way, against the one in the central directory.

function slowCrc(data: Uint8Array): number {
  let crc = -1;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ -1) >>> 0;
}

/** Every entry of a zip file: name, CRC from the central directory, inflated data. */
function entries(zip: Buffer): { name: string; method: number; crc: number; data: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const found = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    found.push({ name, method, crc, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + extra + comment;
  }
  return found;
}

describe('native CRC-32 in archiver (report/native-crc.ts)', () => {
  it('patches the crc-32 and buffer-crc32 that archiver uses (one copy each in the tree)', () => {
    const ours = createRequire(import.meta.url);
    let require = ours;
    // compress-commons computes the stored entries' CRC with buffer-crc32, its crc32-stream the deflated ones' with crc-32.
    for (const name of ['exceljs', 'archiver', 'zip-stream', 'compress-commons'])
      require = createRequire(require.resolve(`${name}/package.json`));
    expect(require.resolve('buffer-crc32')).toBe(ours.resolve('buffer-crc32'));
    for (const name of ['crc32-stream']) require = createRequire(require.resolve(`${name}/package.json`));
    expect(require.resolve('crc-32')).toBe(ours.resolve('crc-32'));
  });

  it("patches compress-commons' buffer-crc32 for stored entries, with the same numbers", async () => {
    await writeWorkbookFile(join(tempDir(), 'installs.xlsx'), { created: new Date(0), pageHeader: '', pageFooter: '', sheets: [] });
    const bufferCrc = createRequire(import.meta.url)('buffer-crc32') as {
      unsigned(data: Uint8Array | string, previous?: Uint8Array): number;
    };
    expect(bufferCrc.unsigned.name).toBe('nativeUnsigned'); // zlib's, not the package's table
    for (const text of ['', '123456789', '城关镇'.repeat(1000)]) {
      expect(bufferCrc.unsigned(Buffer.from(text))).toBe(slowCrc(Buffer.from(text)));
      expect(bufferCrc.unsigned(text)).toBe(slowCrc(Buffer.from(text))); // a string: the package's own, unchanged
    }
  });

  it('writes every entry with the CRC of its bytes', async () => {
    const file = join(tempDir(), 'crc.xlsx');
    const rows = Array.from({ length: 20000 }, (_, i) => ({ cells: [`第${i}行 城关镇`, i, 'x'.repeat(i % 50)] }));
    await writeWorkbookFile(file, { created: new Date(0), pageHeader: '', pageFooter: '', sheets: [{ name: 'a', rows }] });
    const all = entries(readFileSync(file));
    expect(all.map((entry) => entry.name)).toContain('xl/worksheets/sheet1.xml');
    // Both kinds: the sheet deflated (crc-32), the parts written whole stored (buffer-crc32).
    expect(all.find((entry) => entry.name === 'xl/worksheets/sheet1.xml')?.method).toBe(8);
    expect(all.find((entry) => entry.name === 'xl/styles.xml')?.method).toBe(0);
    for (const entry of all) expect(entry.crc, entry.name).toBe(slowCrc(entry.data));
  }, 30_000);
});
