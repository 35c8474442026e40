import type { Writable } from 'node:stream';

/** Where the CLI writes: the real process streams, or buffers in tests. */
export interface CliIO {
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
}
