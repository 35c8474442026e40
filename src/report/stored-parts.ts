import { createRequire } from 'node:module';

// exceljs 4.4.0 zips with archiver 5, which deflates every part. The parts exceljs
// adds whole (styles, theme, relationships, properties: a few KB each, eight a
// workbook) cost more to deflate than they save: each needs a deflate stream of
// its own (about 0.2 ms to set up), and a night with a ledger writes some seventy
// workbooks (SPEC §9 packs), about 560 such parts. They are stored instead (a zip
// entry that every reader takes, ours included); the sheets, streamed, are deflated
// as before. Text is handed over as bytes: archiver would make them with the
// deprecated Buffer constructor. tests/report/stored-parts.test.ts reads a workbook
// written so, with exceljs and with rollcall's own reader.

interface ArchiverCore {
  prototype: { append(source: unknown, data: { name: string; store?: boolean }): unknown };
}

let installed = false;

export function storeWholeParts(): void {
  if (installed) return;
  installed = true;
  // archiver as exceljs finds it (npm keeps one copy: a transitive dependency).
  const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
  const core = fromExceljs('archiver/lib/core.js') as ArchiverCore;
  const append = core.prototype.append;
  core.prototype.append = function (this: unknown, source, data) {
    if (typeof source === 'string' || Buffer.isBuffer(source)) return append.call(this, Buffer.from(source), { ...data, store: true });
    return append.call(this, source, data);
  };
}
