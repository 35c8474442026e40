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

/** What the worker replies (workbook-worker.ts). */
interface WorkerReply {
  readonly ok: boolean;
  readonly message?: string;
  readonly stack?: string;
  readonly code?: string;
  readonly path?: string;
  readonly syscall?: string;
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
        worker.once('message', (reply: WorkerReply) => {
          worker.off('error', fail);
          if (reply.ok) resolve();
          else reject(workerError(reply, file));
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

/** The worker's error as an Error of this thread, with its code and path (ENOSPC → exit 2, report/output-dir.ts). */
function workerError(reply: WorkerReply, file: string): Error {
  const error = new Error(`writing the workbook failed: ${reply.message}`) as NodeJS.ErrnoException;
  if (reply.stack) error.stack = reply.stack;
  if (reply.code) {
    error.code = reply.code;
    error.path = reply.path ?? file;
    if (reply.syscall) error.syscall = reply.syscall;
  }
  return error;
}
