import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../src/cli/progress.js';

function terminal() {
  let text = '';
  const stderr = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    }),
    { isTTY: true },
  );
  return { io: { stdout: new Writable(), stderr }, lines: () => text.split('\r\x1b[2K').filter(Boolean) };
}

describe('the progress line while two files are read at once (load/side-loader.ts)', () => {
  it('names each file being read with its percentage, then the one still being read', () => {
    const { io, lines } = terminal();
    const progress = terminalProgress(io, 'zh');
    progress.onProgress!('household', 'h.csv', 10, 100);
    progress.onProgress!('registry', 'r.csv', 40, 100);
    progress.onProgress!('registry', 'r.csv', 100, 100);
    progress.onProgress!('household', 'h.csv', 100, 100);
    progress.done();
    expect(lines()).toEqual([
      '正在读取户籍人口库导出（h.csv）：10%',
      '正在读取学籍系统导出（r.csv）：100%',
      '正在读取户籍人口库导出（h.csv）：100%',
    ]);
  });

  it('draws both files when more than one is being read (at most five times a second)', async () => {
    const { io, lines } = terminal();
    const progress = terminalProgress(io, 'en');
    progress.onProgress!('household', 'h.csv', 10, 100);
    await new Promise((resolve) => setTimeout(resolve, 210));
    progress.onProgress!('registry', 'r.csv', 40, 100);
    expect(lines().at(-1)).toBe('reading: household register export 10% · student registry export 40%');
  });
});
