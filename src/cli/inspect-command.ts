import type { Command } from 'commander';
import { resolveSettings } from '../config/index.js';
import { ID_STATES, RollcallError } from '../domain/index.js';
import { t } from '../i18n/index.js';
import { inspect, type InspectReport, type SourceInspection } from '../pipeline/index.js';
import { addSourceOptions, commandLineInputs, type SourceOptions } from './source-options.js';
import type { CommandContext } from './context.js';

export function registerInspect(program: Command, context: CommandContext): void {
  const command = program
    .command('inspect')
    .description('show how each input file will be read: format, encoding, header mapping, rows, ID states')
    .option('--json', 'print one JSON object instead of text');
  addSourceOptions(command);
  command.action(async (options: SourceOptions & { json?: boolean }) => {
    const settings = await resolveSettings(commandLineInputs(options), context.now);
    if (Object.keys(settings.sources).length === 0) {
      throw new RollcallError('usage', 'inspect: no input file given — name at least one with --registry, --household, --poverty or --attendance');
    }
    const logger = context.logger(options.logLevel);
    const progress = context.progress();
    const report = await inspect(settings, progress.onProgress);
    progress.done();
    for (const [source, info] of Object.entries(report.sources)) {
      logger.info({ source, rows_read: info.rows_read, rows_rejected: info.rows_rejected }, 'source inspected');
    }
    context.io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderInspection(report));
  });
}

const n = (value: number): string => value.toLocaleString('en-US');

export function renderInspection(report: InspectReport): string {
  return Object.entries(report.sources)
    .map(([source, info]) => renderSource(source, info))
    .join('\n');
}

function renderSource(source: string, info: SourceInspection): string {
  const lines = [`${source}: ${info.file}`];
  const how =
    info.format === 'csv'
      ? `CSV, ${info.encoding?.toUpperCase()} (${info.encoding_forced ? 'as told' : 'detected'})`
      : `XLSX, sheet "${info.sheet}"`;
  lines.push(`  format       ${how}`);
  if (info.formulas_without_value > 0) {
    lines.push(`  formulas     ${t('xlsx.formulas_without_value', 'en', { count: info.formulas_without_value })}`);
  }
  lines.push(`  header       row ${info.header_row}${info.header_row > 1 ? ` (rows above it are skipped as a title)` : ''}`);
  const fields = Object.entries(info.fields);
  lines.push(`  fields       ${fields.map(([field, header]) => `${field} ← ${header}`).join('\n               ') || '(none)'}`);
  if (info.unmapped_headers.length > 0) lines.push(`  not used     ${info.unmapped_headers.join(', ')}`);
  const reasons = Object.entries(info.rejected_by_reason).map(([reason, count]) => `${reason} ${n(count)}`);
  lines.push(
    `  rows         read ${n(info.rows_read)} · accepted ${n(info.rows_accepted)} · rejected ${n(info.rows_rejected)}${reasons.length ? ` (${reasons.join(', ')})` : ''}`,
  );
  const states = ID_STATES.filter((state) => info.id_states[state] > 0).map((state) => `${state} ${n(info.id_states[state])}`);
  lines.push(`  ID numbers   ${states.join(' · ') || 'none'}`);
  if (info.id_digits_lost > 0) {
    lines.push(`               ${n(info.id_digits_lost)} lost their digits in a numeric spreadsheet cell — export the ID column as text`);
  }
  if (info.unreadable_dates.count > 0) {
    lines.push(`  birth dates  ${n(info.unreadable_dates.count)} could not be read (rows ${info.unreadable_dates.rows.join(', ')}${info.unreadable_dates.count > info.unreadable_dates.rows.length ? ', …' : ''})`);
  }
  if (info.unreadable_genders > 0) lines.push(`  genders      ${n(info.unreadable_genders)} could not be read`);
  if (info.unreadable_yes_no > 0) lines.push(`  yes/no       ${n(info.unreadable_yes_no)} values are neither yes nor no (read as no)`);
  const unknown = Object.entries(info.unknown_statuses);
  if (unknown.length > 0) {
    lines.push(`  statuses     not in any status list: ${unknown.map(([status, count]) => `${status || '(empty)'} ${n(count)}`).join(', ')}`);
    lines.push(`               — such rows count as neither active nor living; add the texts to "statuses" in the config file`);
  }
  return `${lines.join('\n')}\n`;
}
