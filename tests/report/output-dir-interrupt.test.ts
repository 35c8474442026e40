import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInterruptCleanups } from '../../src/lock/index.js';
import { replaceOutputDirectory } from '../../src/report/index.js';
import { writeReportFile } from '../../src/report/output-dir.js';
import { join, tempDir } from '../helpers/files.js';

// A signal (SIGTERM, SIGINT) is handled between two steps of the asynchronous code that
// replaces the report: the CLI runs the interrupt cleanups and exits at once. Here the
// step after the chosen one never comes (the process would be gone), and what the
// cleanups leave is what a user would find (SPEC §7: the previous report stays in place).

const stopAfter = vi.hoisted(() => ({ rename: null as ((from: string, to: string) => boolean) | null, stopped: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  const rename: typeof original.rename = async (from, to) => {
    await original.rename(from, to);
    if (stopAfter.rename?.(String(from), String(to))) {
      runInterruptCleanups();
      stopAfter.stopped = true;
      await new Promise(() => undefined); // the process has exited: nothing after this runs
    }
  };
  return { ...original, default: { ...original, rename }, rename };
});

afterEach(() => {
  stopAfter.rename = null;
  stopAfter.stopped = false;
});

describe('a signal while the report is put in place', () => {
  it('between moving the previous report aside and moving the new one in: the previous report goes back', async () => {
    const parent = tempDir();
    const out = join(parent, 'report');
    await replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'cases.jsonl', 'previous'));
    stopAfter.rename = (_from, to) => to.includes('.report.old-');
    void replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'cases.jsonl', 'tonight'));
    await vi.waitFor(() => expect(stopAfter.stopped).toBe(true), { timeout: 5000 });
    expect(readdirSync(parent)).toEqual(['report']); // no temporary folder, no lock, no .old-
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe('previous');
  });

  it('after the new report is in place: it stays, and nothing else is left', async () => {
    const parent = tempDir();
    const out = join(parent, 'report');
    await replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'cases.jsonl', 'previous'));
    stopAfter.rename = (from, to) => from.includes('.report.tmp-') && to === out;
    void replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'cases.jsonl', 'tonight'));
    await vi.waitFor(() => expect(stopAfter.stopped).toBe(true), { timeout: 5000 });
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe('tonight');
    // The previous report, moved aside, is removed by the next run (a run that exits at once cannot wait for it).
    expect(readdirSync(parent).filter((entry) => !entry.startsWith('.report.old-'))).toEqual(['report']);
  });

  it('while another thread keeps creating files in the temporary folder: it is removed all the same', async () => {
    const parent = tempDir();
    const out = join(parent, 'report');
    await replaceOutputDirectory(out, (dir) => writeReportFile(dir, 'cases.jsonl', 'previous'));
    let writer: Worker | undefined;
    void replaceOutputDirectory(out, async (dir) => {
      // As the workbook worker writes packs: file after file, as fast as it can, until its folder is gone.
      writer = new Worker(
        `const { writeFileSync } = require('node:fs');
         const { workerData, parentPort } = require('node:worker_threads');
         parentPort.postMessage('started');
         for (let i = 0; ; i++) { try { writeFileSync(workerData + '/pack' + i + '.xlsx', 'x'); } catch { break; } }`,
        { eval: true, workerData: dir },
      );
      await new Promise((started) => writer!.once('message', started));
      runInterruptCleanups();
      stopAfter.stopped = true;
      await new Promise(() => undefined); // the process has exited
    });
    await vi.waitFor(() => expect(stopAfter.stopped).toBe(true), { timeout: 5000 });
    expect(readdirSync(parent)).toEqual(['report']);
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8')).toBe('previous');
    await writer?.terminate();
  });

  it("the folder is marked as rollcall's before anything is written into it (nothing but renames after a commit)", async () => {
    const out = join(tempDir(), 'report');
    let marked = false;
    await replaceOutputDirectory(out, async (dir) => {
      marked = readdirSync(dir).includes('.rollcall-report');
    });
    expect(marked).toBe(true);
  });
});
