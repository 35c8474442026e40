import { Option, type Command } from 'commander';
import type { CommandLineInputs } from '../config/index.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';

export interface SourceOptions {
  registry?: string;
  household?: string;
  poverty?: string;
  attendance?: string;
  asOf?: string;
  county?: string;
  config?: string;
  encoding?: string;
  ledger?: string;
  logLevel: LogLevel;
}

/** SPEC §6: the inputs `reconcile` and `inspect` share. */
export function addSourceOptions(command: Command, required = false): Command {
  const file = (flag: string, description: string, isRequired: boolean) => {
    const option = new Option(`--${flag} <file>`, description);
    if (isRequired) option.makeOptionMandatory();
    command.addOption(option);
  };
  file('registry', 'student registry export (学籍系统), .csv or .xlsx', required);
  file('household', 'household register export (户籍), .csv or .xlsx', required);
  file('poverty', 'poverty-assistance roll (建档立卡/防返贫监测), .csv or .xlsx', false);
  file('attendance', 'school check-in roster (开学报到名单), .csv or .xlsx', false);
  return command
    .option('--as-of <date>', 'the day the reconciliation is for, YYYY-MM-DD (default: today)')
    .option('--county <codes>', "the county's 6-digit ID prefixes, comma separated (default: the most frequent household prefix)")
    .option('--config <file>', 'JSON config file (column names, encodings, sheets, status lists, school age)')
    .option('--encoding <name>', 'read every CSV in this encoding instead of detecting it (utf-8, gb18030, gbk)')
    .addOption(new Option('--log-level <level>', 'JSON log lines on stderr at this level and above').choices(LOG_LEVELS).default('info'));
}

export function commandLineInputs(options: SourceOptions): CommandLineInputs {
  const { registry, household, poverty, attendance, asOf, county, config, encoding, ledger } = options;
  return { registry, household, poverty, attendance, asOf, county, config, encoding, ledger };
}
