import { Option, type Command } from 'commander';
import { resolveSettings } from '../config/index.js';
import { CATEGORIES } from '../domain/index.js';
import { reconcile } from '../pipeline/index.js';
import { CATEGORY_LABELS, LANGS, type Lang, type Summary } from '../report/index.js';
import type { CommandContext } from './context.js';
import { renderLedgerChanges } from './ledger-command.js';
import { addSourceOptions, commandLineInputs, type SourceOptions } from './source-options.js';

interface ReconcileCommandOptions extends SourceOptions {
  out: string;
  lang: Lang;
  maskIds?: boolean;
  json?: boolean;
  acceptShrink?: boolean;
}

export function registerReconcile(program: Command, context: CommandContext, version: string): void {
  const command = program.command('reconcile').description('link the sources, find every case of SPEC §5, and write the reports');
  addSourceOptions(command, true)
    .option('--out <dir>', 'report folder, replaced whole and atomically on every run', './rollcall-out')
    .addOption(new Option('--lang <lang>', 'language of the CSV and workbook headers').choices(LANGS).default('zh'))
    .option('--mask-ids', 'mask ID numbers in the CSVs and the workbook (341324********1234)')
    .option('--json', 'print the summary as JSON on stdout instead of a table')
    .option('--ledger <file>', 'the ledger (SQLite) that keeps runs, case states and follow-up from night to night (SPEC §8)')
    .option('--accept-shrink', 'run even though a source has far fewer rows than in the latest run (recorded on the run)');
  command.action(async (options: ReconcileCommandOptions) => {
    const logger = context.logger(options.logLevel);
    const started = performance.now();
    const settings = await resolveSettings(commandLineInputs(options), context.now);
    const progress = context.progress();
    const { summary, files, unknownStatuses, ledger } = await reconcile(settings, {
      out: options.out,
      lang: options.lang,
      maskIds: options.maskIds === true,
      version,
      logger,
      onProgress: progress.onProgress,
      onLoaded: progress.done,
      acceptShrink: options.acceptShrink === true,
    });
    logger.info(
      { duration_ms: Math.round(performance.now() - started), max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), cases: summary.cases.total },
      'done',
    );
    const table = renderRunTable(summary, files, options.out, options.lang, unknownStatuses);
    // SPEC §8: with a ledger, the terminal leads with what changed since the previous run.
    const text = ledger ? renderLedgerChanges(ledger, options.lang) + table : table;
    context.io.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : text);
  });
}

const n = (value: number): string => value.toLocaleString('en-US');

/** The short table a clerk sees after a run (issue #5). */
export function renderRunTable(summary: Summary, files: readonly string[], out: string, lang: Lang, unknownStatuses: Partial<Record<string, number>> = {}): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  lines.push(
    zh
      ? `rollcall ${summary.as_of}（年龄基准日 ${summary.reference_day}），本县身份证前缀 ${summary.county.prefixes.join(', ')}${summary.county.inferred ? '（自动推断）' : ''}`
      : `rollcall ${summary.as_of} (reference day ${summary.reference_day}), county prefixes ${summary.county.prefixes.join(', ')}${summary.county.inferred ? ' (inferred)' : ''}`,
  );
  lines.push('', zh ? '案例' : 'Cases');
  const width = Math.max(...CATEGORIES.map((category) => CATEGORY_LABELS[category][lang].length));
  for (const category of CATEGORIES) {
    lines.push(`  ${pad(CATEGORY_LABELS[category][lang], width, zh)}  ${n(summary.cases.by_category[category]).padStart(8)}`);
  }
  lines.push(`  ${pad(zh ? '合计' : 'Total', width, zh)}  ${n(summary.cases.total).padStart(8)}`);
  const townships = Object.entries(summary.cases.by_township).slice(0, 5);
  if (townships.length > 0) {
    lines.push('', zh ? '案例最多的乡镇' : 'Townships with the most cases');
    for (const [township, count] of townships) lines.push(`  ${township || (zh ? '（未填）' : '(none)')}  ${n(count)}`);
  }
  for (const [source, rows] of Object.entries(unknownStatuses)) {
    lines.push(
      '',
      zh
        ? `注意：${source} 有 ${n(rows ?? 0)} 行的状态不在任何状态列表中，这些行既不算在读也不算在户——请运行 rollcall inspect，并在配置文件的 statuses 中补充`
        : `Note: ${n(rows ?? 0)} ${source} rows have a status in no status list and count as neither active nor living — run rollcall inspect and add the texts to "statuses" in the config file`,
    );
  }
  const rejected = Object.values(summary.sources).reduce((sum, source) => sum + source.rows_rejected, 0);
  if (rejected > 0) lines.push('', zh ? `未采用的输入行：${n(rejected)}（见 rejected.csv）` : `Input rows not used: ${n(rejected)} (see rejected.csv)`);
  lines.push('', zh ? `报告：${out}（${files.join('、')}）` : `Reports: ${out} (${files.join(', ')})`);
  return `${lines.join('\n')}\n`;
}

/** Pads to a display width (Chinese characters are two columns wide in a terminal). */
function pad(text: string, width: number, wide: boolean): string {
  const shown = wide ? [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) : text.length;
  return text + ' '.repeat(Math.max(0, (wide ? width * 2 : width) - shown));
}
