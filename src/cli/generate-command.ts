import { Option, type Command } from 'commander';
import { parseAsOf } from '../config/index.js';
import { RollcallError, today } from '../domain/index.js';
import { generateCounty, generateNextNight } from '../generate/index.js';
import { t } from '../i18n/index.js';
import type { CommandContext } from './context.js';
import { langOption, logLevelOption } from './source-options.js';
import type { LogLevel } from './logger.js';

export function registerGenerate(program: Command, context: CommandContext): void {
  const { lang } = context;
  program
    .command('generate')
    .description(t('cli.generate.description', lang))
    .option('--people <n>', t('cli.option.people_unless_next', lang))
    .option('--next <dir>', t('cli.option.next', lang))
    .option('--seed <n>', t('cli.option.seed', lang), '1')
    .requiredOption('--out <dir>', t('cli.option.generate_out', lang))
    .option('--as-of <date>', t('cli.option.generate_as_of', lang))
    .addOption(new Option('--flavor <flavor>', t('cli.option.flavor', lang)).choices(['clean', 'messy']).default('clean'))
    .addOption(logLevelOption(lang))
    .addOption(langOption(lang))
    .action(
      async (options: {
        people?: string;
        next?: string;
        seed: string;
        out: string;
        asOf?: string;
        flavor: 'clean' | 'messy';
        logLevel?: LogLevel;
      }) => {
        if (options.next !== undefined) {
          const night = await generateNextNight(options.next, options.out, options.asOf);
          const count = (state: string) => night.truth.states.filter((c) => c.state === state).length;
          context.io.stdout.write(
            `${t('cli.generate.next_done', lang, {
              out: options.out,
              previous: night.truth.previous_as_of,
              new: count('new'),
              open: count('open'),
              resolved: night.truth.resolved.length,
              close: night.truth.close_between_nights.length,
            })}\n`,
          );
          return;
        }
        if (options.people === undefined) throw new RollcallError('usage', { key: 'cli.generate.people_required' });
        const people = Number(options.people);
        const seed = Number(options.seed);
        if (!Number.isInteger(people) || people < 1000 || people > 20_000_000) {
          throw new RollcallError('usage', { key: 'cli.generate.bad_people', params: { value: options.people } });
        }
        if (!Number.isInteger(seed) || seed < 0)
          throw new RollcallError('usage', { key: 'cli.generate.bad_seed', params: { value: options.seed } });
        const asOf = options.asOf === undefined ? today(context.now) : parseAsOf(options.asOf);
        const started = performance.now();
        const county = await generateCounty({ people, seed, asOf, flavor: options.flavor }, options.out);
        context
          .logger(options.logLevel)
          .info({ ...county.counts, cases: county.truth.length, ms: Math.round(performance.now() - started) }, 'county generated');
        context.io.stdout.write(
          `${t('cli.generate.done', lang, {
            out: options.out,
            files: Object.values(county.files).join(t('cli.run.list_separator', lang)),
            household: county.counts.household,
            registry: county.counts.registry,
            poverty: county.counts.poverty,
            cases: county.truth.length,
          })}\n`,
        );
      },
    );
}
