import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { writeWorkbookFile, type WorkbookContent } from './workbook-file.js';

/** Writes workbooks; started early so that exceljs loads while the inputs are read. */
export interface WorkbookWriter {
  write(file: string, content: WorkbookContent): Promise<void>;
  /** Ends the worker; safe to call more than once. */
  close(): void;
}

/**
 * A writer on a worker thread: on a 2-core office machine exceljs's load and its
 * row-by-row XML (about half a second at county scale) run beside the main thread
 * instead of after it. When the compiled worker is not there (the tests run the
 * TypeScript sources), the workbook is written in this thread instead.
 */
export function startWorkbookWriter(): WorkbookWriter {
  const script = new URL('./workbook-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return { write: writeWorkbookFile, close: () => undefined };
  const worker = new Worker(script);
  worker.unref();
  let closed = false;
  return {
    write(file, content) {
      return new Promise<void>((resolve, reject) => {
        const fail = (error: Error) => reject(error);
        worker.once('error', fail);
        worker.once('message', (reply: { ok: boolean; message?: string; stack?: string }) => {
          worker.off('error', fail);
          if (reply.ok) resolve();
          else reject(Object.assign(new Error(`writing the workbook failed: ${reply.message}`), { stack: reply.stack }));
        });
        worker.postMessage({ file, content });
      });
    },
    close() {
      if (!closed) void worker.terminate();
      closed = true;
    },
  };
}
