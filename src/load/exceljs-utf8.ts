import { TextDecoder } from 'node:util';

type ExcelModule = typeof import('exceljs');

/**
 * exceljs 4.4.0's streaming reader decodes every compressed chunk of a sheet on
 * its own, so a Chinese character split across two chunks becomes "��" (exceljs
 * issues #2063, #2084, #2316; unfixed in 4.4.0). This wraps the reader's two
 * entry points so the XML arrives as text decoded across chunk boundaries.
 * exceljs is pinned to 4.4.0; tests/load/read-xlsx.test.ts fails if this breaks.
 */
export function fixStreamingUtf8(excel: ExcelModule): void {
  const reader = excel.stream.xlsx.WorkbookReader.prototype as unknown as {
    _rollcallUtf8?: boolean;
    _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
    _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
  };
  if (reader._rollcallUtf8) return;
  const parseWorksheet = reader._parseWorksheet;
  reader._parseWorksheet = function (iterator, sheetNo) {
    return parseWorksheet.call(this, decodeAcrossChunks(iterator), sheetNo);
  };
  const parseSharedStrings = reader._parseSharedStrings;
  reader._parseSharedStrings = function (entry) {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
  reader._rollcallUtf8 = true;
}

async function* decodeAcrossChunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
