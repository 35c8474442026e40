import { Option, type Command } from 'commander';
import { parseIsoDay, RollcallError, today } from '../domain/index.js';
import { generateCounty, generateNextNight } from '../generate/index.js';
import type { CommandContext } from './context.js';

export function registerGenerate(program: Command, context: CommandContext): void {
  program
    .command('generate')
    .description('write a synthetic county (exports and truth.json) for tests, the demo and the benchmark')
    .option('--people <n>', 'household persons, e.g. 20000 (required unless --next)')
    .option('--next <dir>', 'write the next night of the county in <dir> (some cases fixed, some new), with each case’s expected ledger state')
    .option('--seed <n>', 'random seed: the same seed gives the same files', '1')
    .requiredOption('--out <dir>', 'folder for the exports and truth.json')
    .option('--as-of <date>', 'the day the county is generated for, YYYY-MM-DD (default: today)')
    .addOption(new Option('--flavor <flavor>', 'clean: UTF-8 CSVs; messy: GB18030, BOM+CRLF, XLSX, mixed spellings').choices(['clean', 'messy']).default('clean'))
    .addOption(new Option('--log-level <level>').default('info').hideHelp())
    .action(async (options: { people?: string; next?: string; seed: string; out: string; asOf?: string; flavor: 'clean' | 'messy'; logLevel: 'info' }) => {
      if (options.next !== undefined) {
        const night = await generateNextNight(options.next, options.out, options.asOf);
        const count = (state: string) => night.truth.states.filter((c) => c.state === state).length;
        context.io.stdout.write(
          `generated ${options.out}: the night after ${night.truth.previous_as_of} — new ${count('new')}, open ${count('open')}, ` +
            `resolved ${night.truth.resolved.length}, to close between the nights ${night.truth.close_between_nights.length}\n`,
        );
        return;
      }
      if (options.people === undefined) throw new RollcallError('usage', '--people: required (or --next DIR for the next night of a county)');
      const people = Number(options.people);
      const seed = Number(options.seed);
      if (!Number.isInteger(people) || people < 1000 || people > 20_000_000) throw new RollcallError('usage', `--people ${options.people}: expected a whole number from 1000 to 20000000`);
      if (!Number.isInteger(seed) || seed < 0) throw new RollcallError('usage', `--seed ${options.seed}: expected a whole number`);
      const asOf = options.asOf === undefined ? today(context.now) : parseIsoDay(options.asOf);
      if (asOf === null) throw new RollcallError('usage', `--as-of ${JSON.stringify(options.asOf)}: not a calendar date — write it as YYYY-MM-DD`);
      const started = performance.now();
      const county = await generateCounty({ people, seed, asOf, flavor: options.flavor }, options.out);
      context.logger(options.logLevel).info({ ...county.counts, cases: county.truth.length, ms: Math.round(performance.now() - started) }, 'county generated');
      context.io.stdout.write(
        `generated ${options.out}: ${Object.values(county.files).join(', ')}, truth.json — ${county.counts.household} household persons, ${county.counts.registry} registrations, ${county.counts.poverty} poverty members, ${county.truth.length} expected cases\n`,
      );
    });
}
