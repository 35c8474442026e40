import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RollcallError } from '../../src/domain/index.js';
import { openOutputDirectory, replaceOutputDirectory } from '../../src/report/index.js';
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

describe('the output folder fails loud and leaves nothing behind (issue #8)', () => {
  async function stopOf(promise: Promise<unknown>): Promise<RollcallError> {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RollcallError);
    expect((error as RollcallError).exitCode).toBe(2);
    return error as RollcallError;
  }

  it('a successful run removes every leftover of killed runs: .tmp- and .old- folders', async () => {
    const parent = tempDir();
    const out = join(parent, 'report');
    await replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'cases.jsonl', 'old'));
    for (const leftover of ['.report.tmp-AbC123', '.report.tmp-zzz', '.report.old-4242-1790000000000']) {
      mkdirSync(join(parent, leftover));
      writeFileSync(join(parent, leftover, 'cases.jsonl'), 'names and IDs');
    }
    mkdirSync(join(parent, '.other.tmp-keep')); // another folder's: not ours to remove
    await replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'cases.jsonl', 'new'));
    expect(readdirSync(parent).sort()).toEqual(['.other.tmp-keep', 'report']);
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe('new');
  });

  it('with two .old- leftovers and no folder, the newest by the time in its name is restored (a number, not text)', async () => {
    const parent = tempDir();
    for (const [name, content] of [
      ['.report.old-7-99999', 'older'],
      ['.report.old-8-100000', 'newer'],
    ] as const) {
      mkdirSync(join(parent, name));
      writeFileSync(join(parent, name, 'cases.jsonl'), content);
      writeFileSync(join(parent, name, '.rollcall-report'), '');
    }
    await expect(replaceOutputDirectory(join(parent, 'report'), async () => Promise.reject(new Error('killed again')))).rejects.toThrow();
    expect(readFileSync(join(parent, 'report', 'cases.jsonl'), 'utf8')).toBe('newer');
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('--out as a symbolic link: the folder it points to is replaced, the link stays a link', async () => {
    const parent = tempDir();
    const real = join(parent, 'real-report');
    await replaceOutputDirectory(real, (dir) => writeReportFile(dir, 'cases.jsonl', 'old'));
    symlinkSync(real, join(parent, 'report'));
    await replaceOutputDirectory(join(parent, 'report'), (dir) => writeReportFile(dir, 'cases.jsonl', 'new'));
    expect(lstatSync(join(parent, 'report')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(real, 'cases.jsonl'), 'utf8')).toBe('new');
    expect(readdirSync(parent).sort()).toEqual(['real-report', 'report']);
  });

  it('--out under a file: exit 2 before anything is written, naming the path', async () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'notes.txt'), 'x');
    const stop = await stopOf(openOutputDirectory(join(parent, 'notes.txt', 'report')));
    expect(stop.code).toBe('output');
    expect(stop.render('en')).toBe(
      `${join(parent, 'notes.txt', 'report')}: a part of the path is a file, not a folder — check the --out path`,
    );
  });

  it('--out that is a file: exit 2', async () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'report'), 'x');
    const stop = await stopOf(openOutputDirectory(join(parent, 'report')));
    expect(stop.render('en')).toMatch(/^--out .*report: is a file — name a folder for the reports$/);
    expect(readdirSync(parent)).toEqual(['report']); // the lock is released
  });

  it('--out that is a mount point (it cannot be renamed): exit 2 before anything is written, naming a folder inside it', async (context) => {
    const parent = tempDir();
    const share = join(parent, 'share');
    mkdirSync(share);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', share]).status !== 0) {
      context.skip(); // mounting needs root (CAP_SYS_ADMIN)
      return;
    }
    try {
      const stop = await stopOf(openOutputDirectory(share));
      expect(stop.render('en')).toMatch(/^--out .*share: is a mount point .* name a folder inside it, e\.g\. .*share\/rollcall$/);
      expect(stop.render('zh')).toContain('挂载点');
      expect(readdirSync(parent)).toEqual(['share']); // nothing beside it, the lock released
      await replaceOutputDirectory(join(share, 'rollcall'), (dir) => writeReportFile(dir, 'a.txt', 'x')); // as the message says
      expect(readdirSync(join(share, 'rollcall'))).toEqual(['.rollcall-report', 'a.txt']);
    } finally {
      spawnSync('umount', [share]);
    }
  });

  it('two runs at once on one folder: the second is busy at once, and the first still writes', async () => {
    const out = join(tempDir(), 'report');
    const first = await openOutputDirectory(out);
    const stop = await stopOf(openOutputDirectory(out));
    expect(stop.code).toBe('busy');
    expect(stop.render('en')).toContain(`pid ${process.pid}`);
    await first.replace((dir) => writeReportFile(dir, 'a.txt', 'x'));
    await first.release();
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('x');
  });

  it.each([
    ['ENOSPC', 'no space left on the disk of'],
    ['EDQUOT', 'disk quota exceeded while writing'],
    ['EFBIG', 'file too large while writing'],
    ['EROFS', 'is on a read-only file system'],
    ['EACCES', 'no permission to write'],
    ['EIO', 'cannot write'],
  ])('a file-system error while writing (%s) is exit 2 with the path; the temporary folder is removed', async (code, text) => {
    const parent = tempDir();
    const out = join(parent, 'report');
    await replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'cases.jsonl', 'old'));
    const stop = await stopOf(
      replaceOutputDirectory(out, async (dir) => {
        throw Object.assign(new Error(`${code}: failed, write`), { code, path: join(dir, 'report.xlsx'), syscall: 'write' });
      }),
    );
    expect(stop.code).toBe('output');
    expect(stop.render('en')).toContain(text);
    expect(stop.render('en')).toMatch(/\.report\.tmp-\w+\/report\.xlsx/);
    expect(readdirSync(parent)).toEqual(['report']);
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe('old');
  });

  it("an error that is not the file system's stays unexpected (exit 1)", async () => {
    const out = join(tempDir(), 'report');
    const error = await replaceOutputDirectory(out, async () => Promise.reject(new TypeError('a bug'))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
  });
});
