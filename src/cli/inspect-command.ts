import type { Command } from 'commander';
import { resolveSettings } from '../config/index.js';
import { ID_STATES, RollcallError } from '../domain/index.js';
import { t, type Lang } from '../i18n/index.js';
import { inspect, type InspectReport, type SourceInspection } from '../pipeline/index.js';
import { addSourceOptions, commandLineInputs, type SourceOptions } from './source-options.js';
import type { CommandContext } from './context.js';

export function registerInspect(program: Command, context: CommandContext): void {
  const { lang } = context;
  const command = program
    .command('inspect')
    .description(t('cli.inspect.description', lang))
    .option('--json', t('cli.option.inspect_json', lang));
  addSourceOptions(command, lang);
  command.action(async (options: SourceOptions & { json?: boolean }) => {
    const settings = await resolveSettings(commandLineInputs(options), context.now);
    if (Object.keys(settings.sources).length === 0) throw new RollcallError('usage', { key: 'cli.inspect.no_input' });
    const logger = context.logger(options.logLevel);
    const progress = context.progress();
    const report = await inspect(settings, progress.onProgress);
    progress.done();
    for (const [source, info] of Object.entries(report.sources)) {
      logger.info({ source, rows_read: info.rows_read, rows_rejected: info.rows_rejected }, 'source inspected');
    }
    context.io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderInspection(report, lang));
  });
}

const n = (value: number): string => value.toLocaleString('en-US');

export function renderInspection(report: InspectReport, lang: Lang): string {
  return Object.entries(report.sources)
    .map(([source, info]) => renderSource(source as keyof InspectReport['sources'], info, lang))
    .join('\n');
}

function renderSource(source: keyof InspectReport['sources'], info: SourceInspection, lang: Lang): string {
  // Labels padded to one column: Chinese characters are two columns wide in a terminal.
  const labelWidth = lang === 'zh' ? 12 : 13;
  const width = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const indent = ' '.repeat(2 + labelWidth);
  const lines = [`${t(`report.source_long.${source}`, lang)}${lang === 'zh' ? '：' : ': '}${info.file}`];
  const line = (label: Parameters<typeof t>[0], text: string) => {
    const name = t(label, lang);
    lines.push(`  ${name}${' '.repeat(Math.max(1, labelWidth - width(name)))}${text}`);
  };
  const more = (text: string) => lines.push(`${indent}${text}`);

  line(
    'cli.inspect.label_format',
    info.format === 'csv'
      ? t('cli.inspect.format_csv', lang, {
          encoding: (info.encoding ?? '').toUpperCase(),
          how: t(info.encoding_forced ? 'cli.inspect.encoding_forced' : 'cli.inspect.encoding_detected', lang),
        })
      : t('cli.inspect.format_xlsx', lang, { sheet: info.sheet ?? '' }),
  );
  if (info.formulas_without_value > 0)
    line('xlsx.label_formulas', t('xlsx.formulas_without_value', lang, { count: info.formulas_without_value }));
  line(
    'cli.inspect.label_header',
    t('cli.inspect.header_row', lang, { row: info.header_row }) + (info.header_row > 1 ? t('cli.inspect.header_title', lang) : ''),
  );
  const fields = Object.entries(info.fields).map(([field, header]) => `${field} ← ${header}`);
  line('cli.inspect.label_fields', fields[0] ?? t('cli.inspect.none', lang));
  for (const field of fields.slice(1)) more(field);
  if (source === 'household' && info.fields.status === undefined) more(t('cli.inspect.no_status', lang));
  if (info.unmapped_headers.length > 0) line('cli.inspect.label_unused', info.unmapped_headers.join(', '));
  const sep = lang === 'zh' ? '，' : ', ';
  const reasons = Object.entries(info.rejected_by_reason).map(
    ([reason, count]) => `${t(`report.reject.${reason as 'blank_row'}`, lang)} ${n(count)}`,
  );
  const rows = t('cli.inspect.rows', lang, { read: info.rows_read, accepted: info.rows_accepted, rejected: info.rows_rejected });
  line('cli.inspect.label_rows', rows + (reasons.length ? (lang === 'zh' ? `（${reasons.join(sep)}）` : ` (${reasons.join(sep)})`) : ''));
  const states = ID_STATES.filter((state) => info.id_states[state] > 0).map(
    (state) => `${t(`cli.inspect.id_state.${state}`, lang)} ${n(info.id_states[state])}`,
  );
  line('cli.inspect.label_ids', states.join(' · ') || t('cli.inspect.none', lang));
  if (info.id_digits_lost > 0) more(t('cli.inspect.digits_lost', lang, { count: info.id_digits_lost }));
  if (info.unreadable_dates.count > 0) {
    const listed = info.unreadable_dates.rows.join(', ') + (info.unreadable_dates.count > info.unreadable_dates.rows.length ? ', …' : '');
    line('cli.inspect.label_dates', t('cli.inspect.bad_dates', lang, { count: info.unreadable_dates.count, rows: listed }));
  }
  if (info.unreadable_genders > 0)
    line('cli.inspect.label_genders', t('cli.inspect.bad_genders', lang, { count: info.unreadable_genders }));
  if (info.unreadable_yes_no > 0) line('cli.inspect.label_yes_no', t('cli.inspect.bad_yes_no', lang, { count: info.unreadable_yes_no }));
  const unknown = Object.entries(info.unknown_statuses);
  if (unknown.length > 0) {
    const list = unknown.map(([status, count]) => `${status || t('cli.inspect.empty_status', lang)} ${n(count)}`).join(sep);
    line('cli.inspect.label_statuses', t('cli.inspect.unknown_statuses', lang, { list }));
    more(t('cli.inspect.unknown_statuses_hint', lang));
  }
  const schoolStatuses = Object.entries(info.unknown_school_statuses);
  if (schoolStatuses.length > 0) {
    const values = schoolStatuses.map(([status, count]) => `${status} ${n(count)}`).join(sep);
    line('vocab.label_school_status', t('vocab.unknown_school_statuses', lang, { values }));
    more(t('vocab.unknown_school_statuses_hint', lang));
  }
  if (info.out_of_school_by_reason > 0) {
    line('vocab.label_not_in_school_reason', t('vocab.out_of_school_by_reason', lang, { count: info.out_of_school_by_reason }));
  }
  return `${lines.join('\n')}\n`;
}
