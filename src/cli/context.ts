import type { Logger } from 'pino';
import type { SourceProgress } from '../load/index.js';
import type { CliIO } from './io.js';
import type { LogLevel } from './logger.js';

/** What every command gets from the CLI: streams, a logger, progress, the clock. */
export interface CommandContext {
  readonly io: CliIO;
  readonly now: Date;
  logger(level: LogLevel): Logger;
  progress(): { onProgress?: SourceProgress; done(): void };
}
