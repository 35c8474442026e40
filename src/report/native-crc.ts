import { createRequire } from 'node:module';
import zlib from 'node:zlib';

// exceljs 4.4.0 zips with archiver, whose CRC-32 of every byte written comes from
// the `crc-32` package, computed in JavaScript: about 0.2 s per 100 MB of sheet XML,
// and 适龄儿童台账 alone is about 100 MB at county scale. Node's zlib.crc32 (20.15+)
// computes the same number natively in a tenth of the time. `crc-32` is a CommonJS
// module whose `buf` its users call through the module object at each call, so
// replacing `buf` here is seen by archiver. tests/report/native-crc.test.ts checks
// every entry's CRC in the central directory of a written workbook.
//
// The zip entries written whole and stored (stored-parts.ts) get their CRC from yet
// another JavaScript CRC, `buffer-crc32` (compress-commons calls `crc32.unsigned`
// through the module at each call): about 0.12 s a ledger night, for its ~560 stored
// parts, more than all the sheets' native CRC. It is made native the same way.

interface BufferCrc32Module {
  unsigned(data: Uint8Array | string, previous?: unknown): number;
}

interface Crc32Module {
  buf(data: Uint8Array, seed?: unknown): number;
}

let installed = false;

/** Makes archiver's CRC-32 native (same results: a signed 32-bit number, seeded like crc-32's). */
export function useNativeCrc(): void {
  if (installed) return;
  installed = true;
  // zlib.crc32 is Node 20.15 and later; on an older Node 20 the JavaScript CRCs stay (slower, the same numbers).
  const crc32 = (zlib as { crc32?: (data: Uint8Array | string, value?: number) => number }).crc32;
  if (typeof crc32 !== 'function') return;
  // A direct dependency at the version archiver's crc32-stream asks for: npm keeps one copy (the test checks it).
  const module = createRequire(import.meta.url)('crc-32') as Crc32Module;
  module.buf = (data, seed) => crc32(data, typeof seed === 'number' ? seed >>> 0 : 0) | 0;
  // Also a direct dependency, at the version compress-commons asks for (one copy: the test checks it).
  const bufferCrc = createRequire(import.meta.url)('buffer-crc32') as BufferCrc32Module;
  const unsigned = bufferCrc.unsigned;
  bufferCrc.unsigned = function nativeUnsigned(data, previous) {
    return previous === undefined && typeof data !== 'string' ? crc32(data) : unsigned.call(bufferCrc, data, previous);
  };
}
