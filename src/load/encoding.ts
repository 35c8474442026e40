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
    throw new RollcallError(
      'encoding',
      `${file}: UTF-16 text ("Unicode text" in Excel) is not read — save it as "CSV UTF-8 (逗号分隔)" or as .xlsx`,
    );
  }
  if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) {
    throw new RollcallError('file_format', `${file}: this is a workbook (.xlsx) with a .csv name — rename it to .xlsx`);
  }
  if (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0) {
    throw new RollcallError(
      'file_format',
      `${file}: this is a legacy Excel .xls workbook with a .csv name — open it in Excel and save it as .xlsx or .csv`,
    );
  }
  if (sample.includes(0)) {
    throw new RollcallError('file_format', `${file}: contains binary data, not CSV text — export the data again as CSV or .xlsx`);
  }
}
