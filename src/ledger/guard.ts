import { RollcallError, sourceText, type SourceName } from '../domain/index.js';
import type { RunSourceRow } from './store.js';

/**
 * SPEC §8 input guard: a source whose accepted rows fall by more than `maxShrink`
 * since the latest run stops the run before anything is written (a half-copied
 * export must never become thousands of false cases), unless the clerk said
 * --accept-shrink.
 */
export function guardShrink(
  tonight: readonly RunSourceRow[],
  latest: readonly RunSourceRow[],
  maxShrink: number,
  acceptShrink: boolean,
): void {
  if (acceptShrink) return;
  for (const source of tonight) {
    const before = latest.find((row) => row.source === source.source);
    if (!before || before.rows_accepted === 0) continue;
    const shrink = (before.rows_accepted - source.rows_accepted) / before.rows_accepted;
    if (shrink > maxShrink) {
      throw new RollcallError('ledger', {
        key: 'ledger.shrink',
        params: {
          source: sourceText(source.source as SourceName),
          file: source.file,
          before: before.rows_accepted,
          now: source.rows_accepted,
          percent: Math.round(shrink * 100),
          limit: Math.round(maxShrink * 100),
        },
      });
    }
  }
}
