import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replaceOutputDirectory } from '../../src/report/index.js';
import { writeReportFile } from '../../src/report/output-dir.js';
import { join, tempDir } from '../helpers/files.js';

describe('replaceOutputDirectory (SPEC §7: atomic)', () => {
  it('replaces the previous report whole, with modes 0700 and 0600', async () => {
    const out = join(tempDir(), 'report');
    await replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'a.txt', 'first'));
    await replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'b.txt', 'second'));
    expect(readdirSync(out).sort()).toEqual(['.rollcall-report', 'b.txt']);
    expect(statSync(out).mode & 0o777).toBe(0o700);
    expect(statSync(join(out, 'b.txt')).mode & 0o777).toBe(0o600);
  });

  it('leaves the previous report whole when writing fails half way', async () => {
    const parent = tempDir();
    const out = join(parent, 'report');
    await replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'cases.jsonl', 'old'));
    await expect(
      replaceOutputDirectory(out, async (dir) => {
        await writeReportFile(dir, 'cases.jsonl', 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('puts back a previous report that a killed run left beside the target', async () => {
    const parent = tempDir();
    const out = join(parent, 'report');
    await replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'cases.jsonl', 'old'));
    renameSync(out, join(parent, '.report.old-123-456'));
    await expect(replaceOutputDirectory(out, async () => Promise.reject(new Error('killed again')))).rejects.toThrow();
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe('old');
  });

  it('never replaces a folder rollcall did not write', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'thesis.docx'), 'precious');
    await expect(replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'a.txt', 'x'))).rejects.toThrow(/was not written by rollcall/);
    expect(readFileSync(join(out, 'thesis.docx'), 'utf8')).toBe('precious');
  });

  it('writes into a new folder, and into an empty one', async () => {
    const parent = tempDir();
    await replaceOutputDirectory(join(parent, 'new', 'deeper'), (dir) => writeReportFile(dir, 'a.txt', 'x'));
    expect(existsSync(join(parent, 'new', 'deeper', 'a.txt'))).toBe(true);
    mkdirSync(join(parent, 'empty'));
    await replaceOutputDirectory(join(parent, 'empty'), (dir) => writeReportFile(dir, 'a.txt', 'x'));
    expect(existsSync(join(parent, 'empty', 'a.txt'))).toBe(true);
  });
});
