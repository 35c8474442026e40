import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

// exceljs's main module loads its readers too (unzipper, a SAX parser, the document
// model's readers): ~0.3 s of CPU on the writer thread at start-up, while both cores
// read the inputs. Every workbook rollcall writes goes through the streaming writer
// alone, so only it is loaded (exceljs 4.4.0 is pinned: package.json).

/** exceljs's streaming WorkbookWriter (Node's module cache loads it once). */
export function workbookWriterClass(): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  return createRequire(import.meta.url)('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter;
}
