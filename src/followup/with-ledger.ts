import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { RollcallError } from '../domain/index.js';
import { ledgerError, lockLedger, LedgerStore } from '../ledger/index.js';

/** Opens an existing ledger under its lock (SPEC §8: one command at a time) for `use`, and closes it. */
export async function withLedger<T>(file: string, use: (store: LedgerStore) => T | Promise<T>): Promise<T> {
  if (!existsSync(file)) throw new RollcallError('ledger', { key: 'ledger.missing', params: { file } });
  const path = resolve(file);
  const lock = await lockLedger(path);
  try {
    const store = LedgerStore.open(path);
    try {
      return await use(store);
    } catch (error) {
      throw ledgerError(path, error);
    } finally {
      store.close();
    }
  } finally {
    await lock.release();
  }
}
