import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The worker thread's error keeps its code across the thread boundary (issue #8): a
// full disk while report.xlsx is written is "no space left" (exit 2), not a trace.
// /dev/full is a real device whose every write fails with ENOSPC.

const BUILT = 'dist/src/report/workbook-writer.js';

describe('startWorkbookWriter on its worker thread (built by npm test)', () => {
  it('a write that fails with ENOSPC rejects with code ENOSPC and the path', async () => {
    expect(existsSync(BUILT)).toBe(true);
    expect(existsSync('/dev/full')).toBe(true);
    const { startWorkbookWriter } = (await import(`../../${BUILT}`)) as typeof import('../../src/report/workbook-writer.js');
    const writer = startWorkbookWriter();
    try {
      const rows = Array.from({ length: 5000 }, (_, i) => ({ cells: [`row ${i}`, i, 'x'.repeat(40)] }));
      const error = await writer
        .write('/dev/full', { created: new Date(0), pageHeader: '', pageFooter: '', sheets: [{ name: 'cases', rows }] })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'ENOSPC', path: '/dev/full' });
    } finally {
      writer.close();
    }
  }, 30_000);
});
