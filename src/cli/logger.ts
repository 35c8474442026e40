import { pino, type Logger } from 'pino';
import type { Writable } from 'node:stream';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * SPEC §6: JSON lines on stderr. Callers log counts, codes, file names and row
 * numbers only: never an ID number or a name, at any level. As a second guard,
 * fields that could carry them are redacted should one ever be passed.
 */
export function createLogger(level: LogLevel, stream: Writable): Logger {
  return pino(
    {
      level,
      base: { app: 'rollcall' },
      redact: { paths: ['id', 'id_number', 'name', 'person', 'record', 'records', '*.id_number', '*.name'], censor: '[redacted]' },
    },
    stream,
  );
}
