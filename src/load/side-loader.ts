import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SourceSettings } from '../config/index.js';
import { RollcallError, type ErrorCode, type SourceName } from '../domain/index.js';
import type { Message } from '../i18n/index.js';
import type { IdKeyTable } from '../normalize/index.js';
import type { LoadedSource } from './load-source.js';
import { FieldProblems } from './record-builder.js';
import { RecordTable, type TableColumns } from './record-table.js';
import type { SideRequest } from './side-worker.js';

// The household register is about two thirds of a county's bytes. On a 2-core
// office machine it is read on the main thread while a worker reads the other
// sources beside it (side-worker.ts); their tables come back as columns, typed
// arrays transferred and each distinct text once (record-table.ts), and their ID
// keys are moved into the main thread's key table in the order a one-thread run
// would have made them, so the run's results do not depend on the thread.

/** What the worker posts. */
export type SideReply =
  | { readonly kind: 'progress'; readonly source: SourceName; readonly read: number; readonly total: number }
  | { readonly kind: 'loaded'; readonly source: SourceName; readonly loaded: Omit<LoadedSource, 'records'> & { records: TableColumns } }
  | {
      readonly kind: 'failed';
      readonly source: SourceName;
      readonly error: { code: ErrorCode | null; text: Message | null; message: string; stack: string | undefined };
    };

export interface SideLoader {
  /** The source as the worker read it, its keys in `idKeys`; rejects with the source's error. */
  result(source: SourceName, idKeys: IdKeyTable): Promise<LoadedSource>;
  /** Ends the worker; safe to call more than once. */
  close(): void;
}

/**
 * Starts reading `sources` on a worker thread. Null when the compiled worker is not
 * there (the tests run the TypeScript sources): then the caller reads them itself.
 */
export function startSideLoader(
  sources: readonly SourceSettings[],
  context: Omit<SideRequest, 'sources' | 'progress'>,
  onProgress: ((source: SourceName, read: number, total: number) => void) | undefined,
): SideLoader | null {
  const script = new URL('./side-worker.js', import.meta.url);
  if (sources.length === 0 || !existsSync(fileURLToPath(script))) return null;
  const request: SideRequest = { sources, asOf: context.asOf, statuses: context.statuses, progress: onProgress !== undefined };
  const worker = new Worker(script, { workerData: request });
  const pending = new Map(sources.map((settings) => [settings.source, deferred<Extract<SideReply, { kind: 'loaded' }>>()]));
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
  };
  worker.on('message', (reply: SideReply) => {
    if (reply.kind === 'progress') onProgress?.(reply.source, reply.read, reply.total);
    else if (reply.kind === 'loaded') pending.get(reply.source)?.resolve(reply);
    else failAll(rebuildError(reply.error));
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the worker reading the inputs stopped before it was done')));
  let closed = false;
  return {
    async result(source, idKeys) {
      const { loaded } = await pending.get(source)!.promise;
      return {
        ...loaded,
        records: RecordTable.fromColumns(loaded.records, idKeys),
        problems: Object.assign(new FieldProblems(), loaded.problems),
      };
    },
    close() {
      if (!closed) void worker.terminate();
      closed = true;
    },
  };
}

/** A promise with its resolve and reject; a rejection nobody awaits is not an unhandled one (the run may stop earlier). */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: Error): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  let settled = false;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  promise.catch(() => undefined);
  return {
    promise,
    resolve: (value) => {
      if (!settled) resolve(value);
      settled = true;
    },
    reject: (error) => {
      if (!settled) reject(error);
      settled = true;
    },
  };
}

/** The worker's error as one of this thread: a RollcallError keeps its exit code and message. */
function rebuildError(error: Extract<SideReply, { kind: 'failed' }>['error']): Error {
  const rebuilt = error.code ? new RollcallError(error.code, error.text ?? error.message) : new Error(error.message);
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}
