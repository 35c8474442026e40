import { parentPort } from 'node:worker_threads';
import { workbookWriterClass } from './exceljs-writer.js';
import { writeWorkbookFile, type SheetContent } from './workbook-file.js';
import type { WriterReply, WriterRequest } from './workbook-writer.js';

// A worker thread that writes report.xlsx (and, with a ledger, the follow-up packs)
// while the main thread writes the rest (workbook-writer.ts). exceljs is loaded as
// soon as the worker starts, on the second core, while the main thread reads the
// inputs. Requests are done one after the other, in the order they came.

setImmediate(workbookWriterClass);

let queue: Promise<unknown> = Promise.resolve();
/** Last sheets by request, sent after their workbook (they are answered at once, not queued). */
const lastSheets = new Map<number, { promise: Promise<SheetContent>; resolve(sheet: SheetContent): void }>();

function lastSheet(id: number) {
  let entry = lastSheets.get(id);
  if (!entry) {
    let resolve!: (sheet: SheetContent) => void;
    const promise = new Promise<SheetContent>((done) => {
      resolve = done;
    });
    entry = { promise, resolve };
    lastSheets.set(id, entry);
  }
  return entry;
}

parentPort!.on('message', (request: WriterRequest) => {
  if (request.kind === 'last') lastSheet(request.id).resolve(request.sheet);
  // Loaded at once, not in turn: a failure shows when the job runs.
  else if (request.kind === 'preload') import(request.module).catch(() => undefined);
  else queue = queue.then(() => serve(request));
});

async function serve(request: Extract<WriterRequest, { kind: 'workbook' | 'job' }>): Promise<void> {
  try {
    const value =
      request.kind === 'workbook'
        ? await writeWorkbookFile(request.file, request.content, request.last ? lastSheet(request.id).promise : undefined)
        : await ((await import(request.module)) as Record<string, (...args: unknown[]) => Promise<unknown>>)[request.name]!(
            ...request.args,
          );
    lastSheets.delete(request.id);
    reply({ id: request.id, ok: true, value });
  } catch (error) {
    // The error code (ENOSPC, EFBIG…) and path cross the thread boundary, so that
    // the main thread can say "no space left on …" (exit 2) instead of a trace.
    lastSheets.delete(request.id);
    const errno = error as NodeJS.ErrnoException | null;
    reply({
      id: request.id,
      ok: false,
      message: String(errno?.message ?? error),
      stack: errno?.stack,
      code: typeof errno?.code === 'string' ? errno.code : undefined,
      path: typeof errno?.path === 'string' ? errno.path : undefined,
      syscall: typeof errno?.syscall === 'string' ? errno.syscall : undefined,
    });
  }
}

function reply(message: WriterReply): void {
  parentPort!.postMessage(message);
}
