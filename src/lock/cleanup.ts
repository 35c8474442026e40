// Things to undo when the process is stopped by a signal (SIGTERM, SIGINT): the
// temporary report folder, the lock files. Each is undone synchronously, because
// after a signal the CLI exits at once (SPEC §7: nothing is left behind).

import { rmSync } from 'node:fs';

type Cleanup = () => void;

const pending = new Set<Cleanup>();

/** Registers `cleanup` to run if the process is interrupted; returns a function that unregisters it. */
export function onInterrupt(cleanup: Cleanup): () => void {
  pending.add(cleanup);
  return () => {
    pending.delete(cleanup);
  };
}

/** Runs every registered cleanup, newest first (a temp folder before the lock that guards it). */
export function runInterruptCleanups(): void {
  for (const cleanup of [...pending].reverse()) {
    pending.delete(cleanup);
    try {
      cleanup();
    } catch {
      // best effort: the process is going away; the next run removes what is left
    }
  }
}

/**
 * Runs `work`, which writes `path` (a file or folder under a temporary name); a signal
 * meanwhile removes it. Register before the path is created: removing what is not
 * there yet is nothing.
 */
export async function removedIfInterrupted<T>(path: string, work: () => Promise<T>): Promise<T> {
  const unregister = onInterrupt(() => removeNow(path));
  try {
    return await work();
  } finally {
    unregister();
  }
}

/**
 * Removes a file or folder at once. A thread may still be creating files in the folder
 * while it is removed (the workbook worker writes packs, libuv finishes an open): each
 * pass reads the folder again, until it is gone (a few passes at most; a file can only
 * be created in a folder that exists, and nothing recreates the folder itself).
 */
export function removeNow(path: string): void {
  for (let pass = 1; ; pass++) {
    try {
      rmSync(path, { recursive: true, force: true });
      return;
    } catch (error) {
      if (pass === 20) throw error;
      Atomics.wait(PAUSE, 0, 0, 5); // let the writer's current call finish
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));
