import { Command, CommanderError } from 'commander';
import type { Logger } from 'pino';
import { RollcallError } from '../domain/index.js';
import type { CommandContext } from './context.js';
import { registerGenerate } from './generate-command.js';
import { registerInspect } from './inspect-command.js';
import { registerLedger } from './ledger-command.js';
import { registerReconcile } from './reconcile-command.js';
import type { CliIO } from './io.js';
import { createLogger, type LogLevel } from './logger.js';
import { terminalProgress } from './progress.js';

export type { CliIO } from './io.js';

export const VERSION = '0.1.0';

/**
 * Runs one command and returns its exit code (SPEC §6): 0 done, 2 usage, config or
 * input-schema error (message only, nothing written), 1 anything unexpected (with
 * the stack). This is the one place errors are caught.
 */
export async function runCli(argv: readonly string[], io: CliIO, now: Date = new Date()): Promise<number> {
  let logger: Logger | null = null;
  const context: CommandContext = {
    io,
    now,
    logger(level: LogLevel) {
      logger ??= createLogger(level, io.stderr);
      return logger;
    },
    progress: () => terminalProgress(io),
  };
  const program = new Command('rollcall')
    .description('Find children out of compulsory education by reconciling the student registry, household register and poverty roll (控辍保学)')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  registerReconcile(program, context, VERSION);
  registerInspect(program, context);
  registerGenerate(program, context);
  registerLedger(program, context);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof RollcallError) {
      tellWhyStopped(io, logger, error.code, error.message, error.exitCode === 1 ? error.stack : undefined);
      return error.exitCode;
    }
    const stack = (error as Error)?.stack ?? String(error);
    tellWhyStopped(io, logger, 'unexpected', 'unexpected error — please report it with the stack below', stack);
    return 1;
  }
}

/**
 * On a terminal, a plain message; otherwise (cron) one more JSON log line, so that
 * stderr stays JSON lines (SPEC §6). Messages name files, fields and headers,
 * never a person.
 */
function tellWhyStopped(io: CliIO, logger: Logger | null, code: string, message: string, stack?: string): void {
  if (io.stderr.isTTY) {
    io.stderr.write(`rollcall: ${message}\n${stack ? `${stack}\n` : ''}`);
    return;
  }
  (logger ?? createLogger('error', io.stderr)).error({ code, ...(stack ? { stack } : {}) }, message);
}

/** Entry point of bin/rollcall.js. */
export function main(): void {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
