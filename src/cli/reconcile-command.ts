import type { Command } from 'commander';
import { requireSources, resolveSettings } from '../config/index.js';
import { CATEGORIES, sourceText, type SourceName } from '../domain/index.js';
import { t, type Lang } from '../i18n/index.js';
import { reconcile } from '../pipeline/index.js';
import { categoryLabel, type Summary } from '../report/index.js';
import type { CommandContext } from './context.js';
import { renderLedgerChanges } from './ledger-command.js';
import { addSourceOptions, commandLineInputs, type SourceOptions } from './source-options.js';

interface ReconcileCommandOptions extends SourceOptions {
  out?: string;
  maskIds?: boolean;
  notices?: boolean;
  json?: boolean;
  acceptShrink?: boolean;
}

export function registerReconcile(program: Command, context: CommandContext, version: string): void {
  const { lang } = context;
  const command = program.command('reconcile').description(t('cli.reconcile.description', lang));
  addSourceOptions(command, lang, true)
    .option('--out <dir>', t('cli.option.out_or_config', lang))
    .option('--mask-ids', t('cli.option.mask_ids', lang))
    .option('--notices', t('cli.option.notices', lang))
    .option('--json', t('cli.option.reconcile_json', lang))
    .option('--ledger <file>', t('cli.option.ledger', lang))
    .option('--accept-shrink', t('cli.option.accept_shrink', lang));
  command.action(async (options: ReconcileCommandOptions) => {
    const logger = context.logger(options.logLevel);
    const started = performance.now();
    const settings = await resolveSettings(commandLineInputs(options), context.now);
    requireSources(settings, ['registry', 'household']);
    const out = options.out ?? settings.out ?? './rollcall-out';
    const progress = context.progress();
    const { summary, files, unknownStatuses, formulasWithoutValue, ledger } = await reconcile(settings, {
      out,
      lang,
      maskIds: options.maskIds === true,
      notices: options.notices === true,
      version,
      now: context.now,
      logger,
      onProgress: progress.onProgress,
      onLoaded: progress.done,
      acceptShrink: options.acceptShrink === true,
    });
    logger.info(
      {
        duration_ms: Math.round(performance.now() - started),
        max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
        // Every thread's CPU time (user + system): steadier than the wall time on a busy machine.
        cpu_ms: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
        cases: summary.cases.total,
      },
      'done',
    );
    const table = renderRunTable(summary, files, out, lang, unknownStatuses, formulasWithoutValue);
    // SPEC §8: with a ledger, the terminal leads with what changed since the previous run.
    const text = ledger ? renderLedgerChanges(ledger, lang) + table : table;
    context.io.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : text);
  });
}

const n = (value: number): string => value.toLocaleString('en-US');

/** The short table a clerk sees after a run (issue #5, #12). */
export function renderRunTable(
  summary: Summary,
  files: readonly string[],
  out: string,
  lang: Lang,
  unknownStatuses: Partial<Record<SourceName, number>> = {},
  formulasWithoutValue: Partial<Record<string, number>> = {},
): string {
  const lines: string[] = [];
  const inferred = summary.county.inferred ? t('cli.run.inferred', lang) : '';
  lines.push(
    t('cli.run.heading', lang, {
      as_of: summary.as_of,
      reference_day: summary.reference_day,
      prefixes: summary.county.prefixes.join(', '),
    }) + inferred,
  );
  lines.push('', t('cli.run.cases', lang));
  const labels = CATEGORIES.map((category) => categoryLabel(category, lang));
  const width = Math.max(...labels.map(displayWidth));
  CATEGORIES.forEach((category, i) => {
    lines.push(`  ${pad(labels[i]!, width)}  ${n(summary.cases.by_category[category]).padStart(8)}`);
  });
  lines.push(`  ${pad(t('cli.run.total', lang), width)}  ${n(summary.cases.total).padStart(8)}`);
  // SPEC §8: closed cases are found, counted here, and listed nowhere a clerk works: say how many.
  const closed = summary.ledger?.closed ?? 0;
  if (closed > 0) lines.push(`  ${t('cli.run.of_which_closed', lang, { count: n(closed) })}`);
  const townships = Object.entries(summary.cases.by_township).slice(0, 5);
  if (townships.length > 0) {
    lines.push('', t('cli.run.townships', lang));
    for (const [township, count] of townships) lines.push(`  ${township || t('cli.run.no_township', lang)}  ${n(count)}`);
  }
  for (const [source, rows] of Object.entries(unknownStatuses) as [SourceName, number][]) {
    lines.push('', t('cli.run.unknown_statuses', lang, { source: t(`report.source_long.${source}`, lang), rows }));
  }
  const schools = summary.attendance?.schools_without_roster.length ?? 0;
  if (schools > 0) lines.push('', t('cli.run.no_roster_schools', lang, { count: schools }));
  for (const [source, count] of Object.entries(formulasWithoutValue)) {
    const file = summary.sources[source as SourceName]?.file ?? '';
    lines.push(
      '',
      t('xlsx.formulas_note', lang, {
        source: sourceText(source as SourceName),
        file,
        text: t('xlsx.formulas_without_value', lang, { count: count ?? 0 }),
      }),
    );
  }
  const rejected = Object.values(summary.sources).reduce((sum, source) => sum + source.rows_rejected, 0);
  if (rejected > 0) lines.push('', t('cli.run.rejected', lang, { rows: rejected }));
  lines.push('', t('cli.run.reports', lang, { out, files: files.join(t('cli.run.list_separator', lang)) }));
  return `${lines.join('\n')}\n`;
}

/** Columns a text takes in a terminal: Chinese characters are two wide. */
function displayWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
