import { parentPort, workerData } from 'node:worker_threads';
import type { SourceSettings } from '../config/index.js';
import { RollcallError } from '../domain/index.js';
import { IdKeyTable, Interner, StatusMatcher, type StatusLists } from '../normalize/index.js';
import { loadSource } from './load-source.js';
import type { SideReply } from './side-loader.js';

// A worker thread that reads the smaller sources (registry, poverty roll, roster)
// while the main thread reads the household register (side-loader.ts). One source
// after the other, in the order given; the first that fails ends the worker's work.

export interface SideRequest {
  readonly sources: readonly SourceSettings[];
  readonly asOf: number;
  readonly statuses: StatusLists;
  readonly progress: boolean;
}

const request = workerData as SideRequest;
const post = (reply: SideReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);
const context = {
  asOf: request.asOf,
  statuses: new StatusMatcher(request.statuses),
  interner: new Interner(),
  idKeys: new IdKeyTable(),
};

for (const settings of request.sources) {
  const { source } = settings;
  try {
    const progress = request.progress ? (read: number, total: number) => post({ kind: 'progress', source, read, total }) : undefined;
    const loaded = await loadSource(settings, context, progress);
    const { columns, transfer } = loaded.records.toColumns();
    post({ kind: 'loaded', source, loaded: { ...loaded, records: columns } }, transfer);
  } catch (error) {
    post({ kind: 'failed', source, error: describe(error) });
    break;
  }
}

/** An error as plain data: a RollcallError keeps its code and catalogue message (exit 2 in 中文 or English). */
function describe(error: unknown): Extract<SideReply, { kind: 'failed' }>['error'] {
  if (error instanceof RollcallError) return { code: error.code, text: error.text, message: error.message, stack: error.stack };
  const plain = error as Error | null;
  return { code: null, text: null, message: String(plain?.message ?? error), stack: plain?.stack };
}
