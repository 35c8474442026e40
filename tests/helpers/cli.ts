import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/index.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stderr lines that are JSON log records */
  logs: Record<string, unknown>[];
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the CLI in-process, as `rollcall …args` would, and captures what it writes. */
export async function runRollcall(
  args: readonly string[],
  now = new Date(2026, 8, 15, 9, 0),
  options: { terminal?: boolean } = {},
): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = Object.assign(new Capture(), { isTTY: options.terminal === true });
  const code = await runCli(args, { stdout, stderr }, now);
  const logs = stderr.text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, stdout: stdout.text, stderr: stderr.text, logs };
}
