// Things to undo when the process is stopped by a signal (SIGTERM, SIGINT): the
// temporary report folder, the lock files. Each is undone synchronously, because
// after a signal the CLI exits at once (SPEC §7: nothing is left behind).

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
