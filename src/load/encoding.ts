import type { Encoding } from '../config/index.js';
import { RollcallError } from '../domain/index.js';

/**
 * SPEC §1: UTF-8 (with or without BOM) or GB18030/GBK, detected from the first
 * bytes. Text that decodes as strict UTF-8 is UTF-8; Chinese in GBK almost never
 * does, so anything else is read as GB18030 (a superset of GBK and GB2312).
 */
export function detectEncoding(sample: Uint8Array, file: string): Encoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  rejectBinary(sample, file);
  return isUtf8(sample) ? 'utf-8' : 'gb18030';
}

function isUtf8(sample: Uint8Array): boolean {
  // The sample may end inside a multi-byte character: drop up to three trailing bytes.
  for (let cut = 0; cut <= 3 && cut < sample.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch {
      // try a shorter sample
    }
  }
  return sample.length === 0;
}

function rejectBinary(sample: Uint8Array, file: string): void {
  const [a, b, c, d] = sample;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    throw new RollcallError('encoding', { key: 'io.utf16_text', params: { file } });
  }
  if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) {
    throw new RollcallError('file_format', { key: 'io.xlsx_named_csv', params: { file } });
  }
  if (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0) {
    throw new RollcallError('file_format', { key: 'io.xls_named_csv', params: { file } });
  }
  if (sample.includes(0)) {
    throw new RollcallError('file_format', { key: 'io.binary_data', params: { file } });
  }
}
