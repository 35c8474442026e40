import { parentPort } from 'node:worker_threads';
import { writeWorkbookFile, type WorkbookContent } from './workbook-file.js';

// A worker thread that writes report.xlsx while the main thread writes the rest
// (workbook-writer.ts). exceljs is loaded as soon as the worker starts, on the
// second core, while the main thread reads the inputs.

void import('exceljs');

parentPort!.on('message', (message: { file: string; content: WorkbookContent }) => {
  writeWorkbookFile(message.file, message.content).then(
    () => parentPort!.postMessage({ ok: true }),
    (error: unknown) => {
      // The error code (ENOSPC, EFBIG…) and path cross the thread boundary, so that
      // the main thread can say "no space left on …" (exit 2) instead of a trace.
      const errno = error as NodeJS.ErrnoException | null;
      parentPort!.postMessage({
        ok: false,
        message: String(errno?.message ?? error),
        stack: errno?.stack,
        code: typeof errno?.code === 'string' ? errno.code : undefined,
        path: typeof errno?.path === 'string' ? errno.path : undefined,
        syscall: typeof errno?.syscall === 'string' ? errno.syscall : undefined,
      });
    },
  );
});
