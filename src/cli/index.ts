import { Command, CommanderError } from 'commander';
import type { Logger } from 'pino';
import { RollcallError } from '../domain/index.js';
import { t, type Lang } from '../i18n/index.js';
import { runInterruptCleanups } from '../lock/index.js';
import type { CommandContext } from './context.js';
import { registerGenerate } from './generate-command.js';
import { registerInspect } from './inspect-command.js';
import { registerLedger } from './ledger-command.js';
import { registerReconcile } from './reconcile-command.js';
import type { CliIO } from './io.js';
import { createLogger, type LogLevel } from './logger.js';
import { terminalProgress } from './progress.js';
import { describeCommanderError, detectLang, localiseHelp } from './language.js';
import { langOption } from './source-options.js';

export type { CliIO } from './io.js';

export const VERSION = '0.1.0';

/**
 * Runs one command and returns its exit code (SPEC §6): 0 done, 2 usage, config or
 * input-schema error (message only, nothing written), 1 anything unexpected (with
 * the stack). This is the one place errors are caught.
 */
export async function runCli(argv: readonly string[], io: CliIO, now: Date = new Date()): Promise<number> {
  let logger: Logger | null = null;
  const lang = detectLang(argv);
  const context: CommandContext = {
    io,
    now,
    lang,
    logger(level: LogLevel | undefined) {
      // SPEC §6, issue #12: on a terminal a person reads the table, not JSON lines,
      // unless asked for; under cron (stderr not a terminal) they stay at info.
      logger ??= createLogger(level ?? (io.stderr.isTTY ? 'silent' : 'info'), io.stderr);
      return logger;
    },
    progress: () => terminalProgress(io, lang),
  };
  const program = new Command('rollcall')
    .description(t('cli.program.description', lang))
    .version(VERSION, '-V, --version', t('cli.option.version', lang))
    .exitOverride()
    // commander's own English error text is replaced by the catalogue's, below.
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => undefined,
    });
  localiseHelp(program, lang);
  program.addOption(langOption(lang));
  registerReconcile(program, context, VERSION);
  registerInspect(program, context);
  registerGenerate(program, context);
  registerLedger(program, context);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return error.exitCode === 0 ? 0 : 2;
      const text = describeCommanderError(error, program, argv, lang);
      const message = describeCommanderError(error, program, argv, 'en');
      tellWhyStopped(io, logger ?? stopLogger(argv, io), lang, { code: 'usage', text, message, stack: undefined });
      return 2;
    }
    const stop = error instanceof RollcallError ? error : null;
    tellWhyStopped(io, logger ?? stopLogger(argv, io), lang, {
      code: stop?.code ?? 'unexpected',
      text: stop ? stop.render(lang) : t('core.unexpected', lang),
      message: stop ? stop.message : t('core.unexpected', 'en'),
      stack: stop && stop.exitCode === 2 ? undefined : ((error as Error)?.stack ?? String(error)),
    });
    return stop?.exitCode ?? 1;
  }
}

interface Stop {
  readonly code: string;
  /** In the run's language, for the person reading stderr or the cron mail. */
  readonly text: string;
  /** In English, for the JSON log line. */
  readonly message: string;
  readonly stack: string | undefined;
}

/**
 * SPEC §6: a run that stops always says why in one human-readable line on stderr,
 * whatever --log-level is. When stderr is not a terminal (cron: `2>> rollcall.jsonl`),
 * the JSON log line is written too, unless the log level is silent. Messages name
 * files, fields and headers, never a person.
 */
function tellWhyStopped(io: CliIO, logger: Logger, lang: Lang, stop: Stop): void {
  const prefix = lang === 'zh' ? 'rollcall 已停止：' : 'rollcall stopped: ';
  // The stack of an unexpected error is printed as text too, so that a cron mail carries it.
  io.stderr.write(`${prefix}${stop.text}\n${stop.stack ? `${stop.stack}\n` : ''}`);
  if (!io.stderr.isTTY) logger.error({ code: stop.code, ...(stop.stack ? { stack: stop.stack } : {}) }, stop.message);
}

/** The logger for a stop that came before a command made one: at --log-level when given, else error. */
function stopLogger(argv: readonly string[], io: CliIO): Logger {
  const level = optionValue(argv, '--log-level');
  return createLogger(level === 'silent' ? 'silent' : 'error', io.stderr);
}

function optionValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/** Exit codes of a run stopped by a signal, as a shell reports them (128 + the signal's number). */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * SIGTERM (kill, systemd, cron's timeout) and SIGINT (Ctrl-C): remove the temporary
 * report folder and the lock, say so in one line, and exit 143 or 130. The previous
 * report stays in place (SPEC §7).
 */
function handleSignals(argv: readonly string[]): void {
  const lang = detectLang(argv);
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as (keyof typeof SIGNAL_EXIT_CODES)[]) {
    process.once(signal, () => {
      runInterruptCleanups();
      const io: CliIO = { stdout: process.stdout, stderr: process.stderr };
      tellWhyStopped(io, stopLogger(argv, io), lang, {
        code: 'interrupted',
        text: t('io.interrupted', lang, { signal }),
        message: t('io.interrupted', 'en', { signal }),
        stack: undefined,
      });
      process.exit(SIGNAL_EXIT_CODES[signal]);
    });
  }
}

/** Entry point of bin/rollcall.js. */
export function main(): void {
  handleSignals(process.argv.slice(2));
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      // A stopped run ends at once: a hash still reading a 500 MB input, or the workbook
      // worker, must not keep it alive after it has said why it stopped.
      if (code !== 0) process.exit(code);
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
