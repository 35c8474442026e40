import type { Logger } from 'pino';
import type { Lang } from '../i18n/index.js';
import type { SourceProgress } from '../load/index.js';
import type { CliIO } from './io.js';
import type { LogLevel } from './logger.js';

/** What every command gets from the CLI: streams, a logger, progress, the clock. */
export interface CommandContext {
  readonly io: CliIO;
  readonly now: Date;
  /** The language of the run (SPEC §6): zh unless --lang en. */
  readonly lang: Lang;
  /** The JSON logger; without a level, none on a terminal and info otherwise. */
  logger(level: LogLevel | undefined): Logger;
  progress(): { onProgress?: SourceProgress; done(): void };
}
