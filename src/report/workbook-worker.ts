import { parentPort } from 'node:worker_threads';
import { writeWorkbookFile, type WorkbookContent } from './workbook-file.js';

// A worker thread that writes report.xlsx while the main thread writes the rest
// (workbook-writer.ts). exceljs is loaded as soon as the worker starts, on the
// second core, while the main thread reads the inputs.

void import('exceljs');

parentPort!.on('message', (message: { file: string; content: WorkbookContent }) => {
  writeWorkbookFile(message.file, message.content).then(
    () => parentPort!.postMessage({ ok: true }),
    (error: unknown) => parentPort!.postMessage({ ok: false, message: String((error as Error)?.message ?? error), stack: (error as Error)?.stack }),
  );
});
