import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { RollcallError } from '../domain/index.js';
import { withLedgerFile, type LedgerStore } from '../ledger/index.js';

/** Opens an existing ledger under its lock (SPEC §8: one command at a time) for `use`, and closes it. */
export async function withLedger<T>(file: string, use: (store: LedgerStore) => T | Promise<T>): Promise<T> {
  if (!existsSync(file)) throw new RollcallError('ledger', { key: 'ledger.missing', params: { file } });
  return withLedgerFile(resolve(file), use);
}
