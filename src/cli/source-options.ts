import { Option, type Command } from 'commander';
import type { CommandLineInputs } from '../config/index.js';
import { t, type Lang } from '../i18n/index.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';

/** The sources' options as commander gives them: what the settings are made from (config/settings.ts), and the logging. */
export interface SourceOptions extends CommandLineInputs {
  logLevel?: LogLevel;
  lang: Lang;
}

/** `--log-level`: no default, so that a terminal gets no JSON lines unless asked (context.logger). */
export function logLevelOption(lang: Lang): Option {
  return new Option('--log-level <level>', t('cli.option.log_level', lang)).choices(LOG_LEVELS);
}

/** `--lang`, an option of every command (SPEC §6); its value was read before parsing (language.ts). */
export function langOption(lang: Lang): Option {
  return new Option('--lang <lang>', t('cli.option.lang', lang)).choices(['zh', 'en']).default('zh');
}

/**
 * SPEC §6: the inputs `reconcile` and `inspect` share. A required input may also be
 * named in the config file (`sources.<source>.file`): that is checked once the config
 * is read (config requireSources), not by commander.
 */
export function addSourceOptions(command: Command, lang: Lang, required = false): Command {
  const file = (flag: 'registry' | 'household' | 'poverty' | 'attendance', isRequired: boolean) => {
    const description = t(`cli.option.${flag}`, lang);
    command.addOption(
      new Option(`--${flag} <file>`, isRequired ? t('cli.option.required_here_or_config', lang, { description }) : description),
    );
  };
  file('registry', required);
  file('household', required);
  file('poverty', false);
  file('attendance', false);
  return command
    .option('--as-of <date>', t('cli.option.as_of', lang))
    .option('--county <codes>', t('cli.option.county', lang))
    .option('--config <file>', t('cli.option.config', lang))
    .option('--encoding <name>', t('cli.option.encoding', lang))
    .addOption(logLevelOption(lang))
    .addOption(langOption(lang));
}

export function commandLineInputs(options: SourceOptions): CommandLineInputs {
  const { registry, household, poverty, attendance, asOf, county, config, encoding, ledger } = options;
  return { registry, household, poverty, attendance, asOf, county, config, encoding, ledger };
}
