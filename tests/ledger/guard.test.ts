import { describe, expect, it } from 'vitest';
import type { RollcallError } from '../../src/domain/index.js';
import { guardShrink } from '../../src/ledger/guard.js';
import type { RunSourceRow } from '../../src/ledger/store.js';

const row = (rows: number): RunSourceRow => ({
  source: 'registry',
  file: 'in/registry.csv',
  size: 1,
  mtime: '2026-09-20T00:00:00Z',
  sha256: '',
  rows_read: rows,
  rows_accepted: rows,
  rows_rejected: 0,
});

describe('the input guard (SPEC §8)', () => {
  it('names the source by its 中文 name in Chinese and by its code in English', () => {
    const error = (() => {
      try {
        guardShrink([row(700)], [row(1000)], 0.2, false);
      } catch (caught) {
        return caught as RollcallError;
      }
      throw new Error('expected the guard to stop the run');
    })();
    expect(error.exitCode).toBe(2);
    expect(error.render('zh')).toMatch(/^学籍系统导出（in\/registry\.csv）可用行数从上次的 1,000 行降到 700 行（减少 30%，超过 20%）/);
    expect(error.render('en')).toMatch(/^registry \(in\/registry\.csv\) fell from 1,000 accepted rows/);
  });
});
