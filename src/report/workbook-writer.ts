import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { renderedBuffers } from './raw-rows.js';
import { writeWorkbookFile, type SheetContent, type WorkbookContent } from './workbook-file.js';

/**
 * Work for the writer thread besides report.xlsx (the follow-up packs, SPEC §9): an
 * exported async function of a module of this program, called with plain data.
 * `local` does the same in this thread (when the worker is not there).
 */
export interface WriterJob<A extends unknown[], R> {
  readonly module: URL;
  readonly name: string;
  readonly local: (...args: A) => Promise<R>;
}

/** Writes workbooks; started early so that exceljs loads while the inputs are read. */
export interface WorkbookWriter {
  /**
   * Writes `content`; `last`, when given, makes the last sheet, called once the other
   * sheets are on their way to the worker (a very large sheet is made while they are written).
   */
  write(file: string, content: WorkbookContent, last?: () => SheetContent): Promise<void>;
  /** Runs `job` on the writer thread, after what was asked of it before. */
  run<A extends unknown[], R>(job: WriterJob<A, R>, ...args: A): Promise<R>;
  /** Loads `job`'s module on the writer thread now, while it has nothing to do (the inputs are read). */
  preload(job: WriterJob<never, unknown>): void;
  /** Ends the worker; safe to call more than once. */
  close(): void;
}

/** What the main thread asks (workbook-worker.ts). */
export type WriterRequest =
  | { readonly id: number; readonly kind: 'workbook'; readonly file: string; readonly content: WorkbookContent; readonly last: boolean }
  | { readonly id: number; readonly kind: 'last'; readonly sheet: SheetContent }
  | { readonly id: number; readonly kind: 'preload'; readonly module: string }
  | { readonly id: number; readonly kind: 'job'; readonly module: string; readonly name: string; readonly args: unknown[] };

/** What the worker replies. */
export interface WriterReply {
  readonly id: number;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly message?: string;
  readonly stack?: string;
  readonly code?: string;
  readonly path?: string;
  readonly syscall?: string;
}

/**
 * A writer on a worker thread: on a 2-core office machine exceljs's load and its
 * row-by-row XML (about half a second at county scale) run beside the main thread
 * instead of after it. The worker does one thing at a time, in the order asked.
 * When the compiled worker is not there (the tests run the TypeScript sources),
 * everything is written in this thread instead.
 */
export function startWorkbookWriter(): WorkbookWriter {
  const script = new URL('./workbook-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) {
    return {
      write: (file, content, last) => writeWorkbookFile(file, content, last && Promise.resolve().then(last)),
      run: (job, ...args) => job.local(...args),
      preload: () => undefined,
      close: () => undefined,
    };
  }
  const worker = new Worker(script);
  worker.unref();
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; path: string }>();
  let next = 0;
  worker.on('message', (reply: WriterReply) => {
    const request = waiting.get(reply.id);
    if (!request) return;
    waiting.delete(reply.id);
    if (reply.ok) request.resolve(reply.value);
    else request.reject(workerError(reply, request.path));
  });
  worker.on('error', (error) => {
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
  });
  const ask = <R>(request: WriterRequest, path: string) =>
    new Promise<R>((resolve, reject) => {
      waiting.set(request.id, { resolve: resolve as (value: unknown) => void, reject, path });
      worker.postMessage(request);
    });
  let closed = false;
  return {
    write(file, content, last) {
      const id = next++;
      const written = ask<void>({ id, kind: 'workbook', file, content, last: last !== undefined }, file);
      if (last) {
        try {
          const sheet = last();
          worker.postMessage({ id, kind: 'last', sheet } satisfies WriterRequest, renderedBuffers(sheet.rendered));
        } catch (error) {
          // The worker waits for the last sheet: it stops with the run (close()).
          written.catch(() => undefined);
          return Promise.reject(error);
        }
      }
      return written;
    },
    run(job, ...args) {
      return ask({ id: next++, kind: 'job', module: job.module.href, name: job.name, args }, String(args[0] ?? ''));
    },
    preload(job) {
      worker.postMessage({ id: next++, kind: 'preload', module: job.module.href } satisfies WriterRequest);
    },
    close() {
      if (!closed) void worker.terminate();
      closed = true;
    },
  };
}

/** The worker's error as an Error of this thread, with its code and path (ENOSPC → exit 2, report/output-dir.ts). */
function workerError(reply: WriterReply, file: string): Error {
  const error = new Error(`writing ${file} failed: ${reply.message}`) as NodeJS.ErrnoException;
  if (reply.stack) error.stack = reply.stack;
  if (reply.code) {
    error.code = reply.code;
    error.path = reply.path ?? file;
    if (reply.syscall) error.syscall = reply.syscall;
  }
  return error;
}
