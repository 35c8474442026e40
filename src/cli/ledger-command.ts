import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { formatDay, RollcallError, today, type LedgerView } from '../domain/index.js';
import { loadConfigFile } from '../config/index.js';
import { t, type Lang } from '../i18n/index.js';
import type { CommandContext } from './context.js';
import { langOption } from './source-options.js';

/**
 * `rollcall ledger …` (SPEC §8, §9): commands on the ledger file. `verify` is here;
 * import, record, show and report join it (issue #14). Like reconcile, each takes
 * the ledger's lock: one command at a time.
 */
export function registerLedger(program: Command, context: CommandContext): Command {
  const { lang } = context;
  const ledger = program.command('ledger').description(t('cli.ledger.description', lang));
  ledger
    .command('verify')
    .description(t('cli.ledger.verify', lang))
    // The file as an argument, or as the other ledger commands take it (--ledger, --config).
    .argument('[file]', t('cli.ledger.file', lang))
    .addOption(ledgerFileOption(lang))
    .addOption(configFileOption(lang))
    .addOption(langOption(lang))
    .action(async (given: string | undefined, options: { ledger?: string; config?: string }) => {
      const file = given ?? (await ledgerFile(options));
      if (!existsSync(file)) throw new RollcallError('ledger', { key: 'ledger.missing', params: { file } });
      // Loaded only for ledger commands: SQLite stays out of every other command.
      const { verifyLedgerFile } = await import('../ledger/index.js');
      const { problems, counts } = await verifyLedgerFile(file);
      if (problems.length === 0) {
        context.io.stdout.write(`${t('ledger.verify.ok', lang, { file, ...counts })}\n`);
        return;
      }
      const lines = problems.slice(0, 50).map((problem) => `  ${t(problem.key, lang, problem.params)}`);
      if (problems.length > 50) lines.push(`  … ${problems.length - 50}`);
      context.io.stdout.write(`${lines.join('\n')}\n`);
      throw new RollcallError('ledger', { key: 'ledger.verify.bad', params: { file, count: problems.length } });
    });
  registerFollowUp(ledger, context);
  return ledger;
}

/** The ledger as reconcile finds it: --ledger, else "ledger" in the config file (beside the config). */
async function ledgerFile(options: { ledger?: string; config?: string }): Promise<string> {
  if (options.ledger) return options.ledger;
  if (options.config) {
    const config = await loadConfigFile(options.config);
    if (config.ledger !== undefined) return resolve(dirname(options.config), config.ledger);
  }
  throw new RollcallError('usage', { key: 'followup.ledger_needed' });
}

/** SPEC §9: import, record, show, report (issue #14). */
function registerFollowUp(ledger: Command, context: CommandContext): void {
  const { lang } = context;
  const todayOf = () => formatDay(today(context.now));

  ledger
    .command('import')
    .description(t('cli.ledger.import', lang))
    .argument('<files...>', t('cli.ledger.import_files', lang))
    .addOption(ledgerFileOption(lang))
    .addOption(configFileOption(lang))
    .addOption(langOption(lang))
    .action(async (files: string[], options: { ledger?: string; config?: string }) => {
      const { importPacks } = await import('../followup/index.js');
      const results = await importPacks(await ledgerFile(options), files, { today: todayOf(), lang, now: context.now });
      const lines: string[] = [];
      for (const result of results) {
        for (const note of result.notes) lines.push(t(note.key, lang, note.params));
        if (result.problems.length === 0) {
          lines.push(t('followup.import.done', lang, { file: result.file, added: result.added, known: result.known, blank: result.blank }));
          continue;
        }
        lines.push(t('followup.import.refused', lang, { file: result.file, count: result.problems.length }));
        for (const problem of result.problems) {
          const what = t(problem.key, lang, problem.params);
          lines.push(
            `  ${
              problem.sheet === null
                ? t('followup.import.file_problem', lang, { file: result.file, what })
                : t('followup.import.problem', lang, {
                    file: result.file,
                    sheet: problem.sheet,
                    row: problem.row ?? 0,
                    column: problem.column ?? '',
                    what,
                  })
            }`,
          );
        }
      }
      context.io.stdout.write(`${lines.join('\n')}\n`);
      const refused = results.filter((result) => result.problems.length > 0).length;
      if (refused > 0) throw new RollcallError('ledger', { key: 'followup.import.failed', params: { count: refused } });
    });

  ledger
    .command('record')
    .description(t('cli.ledger.record', lang))
    .requiredOption('--case <id>', t('cli.ledger.case', lang))
    .requiredOption('--date <date>', t('cli.ledger.date', lang))
    .requiredOption('--kind <kind>', t('cli.ledger.kind', lang))
    .option('--method <method>', t('cli.ledger.method', lang))
    .option('--outcome <outcome>', t('cli.ledger.outcome', lang))
    .option('--note <text>', t('cli.ledger.note', lang), '')
    .requiredOption('--by <name>', t('cli.ledger.by', lang))
    .addOption(ledgerFileOption(lang))
    .addOption(configFileOption(lang))
    .addOption(langOption(lang))
    .action(
      async (options: {
        case: string;
        date: string;
        kind: string;
        method?: string;
        outcome?: string;
        note: string;
        by: string;
        ledger?: string;
        config?: string;
      }) => {
        const { recordEntry, valueLabel } = await import('../followup/index.js');
        const raw = {
          case_id: options.case,
          date: options.date,
          kind: options.kind,
          method: options.method ?? null,
          outcome: options.outcome ?? null,
          note: options.note,
          by: options.by,
        };
        const result = await recordEntry(await ledgerFile(options), raw, { today: todayOf(), lang, now: context.now });
        if (result.problems.length > 0) {
          const lines = [t('followup.record.refused', lang)];
          for (const problem of result.problems) {
            const option = problem.field === 'case_id' ? 'case' : problem.field;
            lines.push(`  ${t('followup.record.problem', lang, { option, what: t(problem.key, lang, problem.params) })}`);
          }
          context.io.stdout.write(`${lines.join('\n')}\n`);
          throw new RollcallError('ledger', { key: 'followup.record.invalid' });
        }
        const entry = result.entry!;
        const text = [
          entry.date,
          valueLabel('kind', entry.kind, lang),
          entry.method ? valueLabel('method', entry.method, lang) : '',
          entry.outcome ? valueLabel('outcome', entry.outcome, lang) : '',
          entry.by,
        ]
          .filter(Boolean)
          .join(' ');
        const lines = [t(result.added ? 'followup.record.added' : 'followup.record.known', lang, { case_id: entry.caseId, entry: text })];
        for (const note of result.notes) lines.push(t(note.key, lang, note.params));
        context.io.stdout.write(`${lines.join('\n')}\n`);
      },
    );

  ledger
    .command('show')
    .description(t('cli.ledger.show', lang))
    .argument('<case_id>', t('cli.ledger.case', lang))
    .addOption(ledgerFileOption(lang))
    .addOption(configFileOption(lang))
    .addOption(langOption(lang))
    .action(async (caseId: string, options: { ledger?: string; config?: string }) => {
      const { showCase } = await import('../followup/index.js');
      context.io.stdout.write(await showCase(await ledgerFile(options), caseId, lang));
    });

  ledger
    .command('report')
    .description(t('cli.ledger.report', lang))
    .option('--month <month>', t('cli.ledger.month', lang))
    .option('--quarter <quarter>', t('cli.ledger.quarter', lang))
    .option('--out <dir>', t('cli.ledger.out', lang), 'rollcall-reports')
    .addOption(ledgerFileOption(lang))
    .addOption(configFileOption(lang))
    .addOption(langOption(lang))
    .action(async (options: { month?: string; quarter?: string; out: string; ledger?: string; config?: string }) => {
      const { parseMonth, parseQuarter, writePeriodReport } = await import('../followup/index.js');
      if ((options.month === undefined) === (options.quarter === undefined))
        throw new RollcallError('usage', { key: 'followup.report.period_needed' });
      const period = options.month !== undefined ? parseMonth(options.month) : parseQuarter(options.quarter!);
      const { file } = await writePeriodReport(await ledgerFile(options), period, options.out, lang);
      context.io.stdout.write(`${t('followup.report.written', lang, { file })}\n`);
    });
}

/** SPEC §8: the terminal summary leads with what changed since the previous run, per township. */
export function renderLedgerChanges(view: LedgerView, lang: Lang): string {
  const { summary, total } = view;
  const lines: string[] = [];
  lines.push(
    summary.previous_run === null
      ? t('ledger.summary.first', lang, { new: total.new })
      : t('ledger.summary.heading', lang, {
          previous: summary.previous_run,
          new: total.new,
          resolved: total.resolved,
          open: total.open,
          overdue: total.overdue,
        }),
  );
  if (summary.reopened > 0 || summary.closed > 0)
    lines.push(t('ledger.summary.more', lang, { reopened: summary.reopened, closed: summary.closed }));
  const changed = view.changes.filter((row) => row.new + row.resolved + row.open > 0);
  if (changed.length > 0) {
    const columns = (['new', 'resolved', 'open', 'overdue'] as const).map((column) => t(`ledger.summary.col.${column}`, lang));
    lines.push(
      `  ${padDisplay(t('ledger.summary.col.township', lang), 16)}${columns.map((column) => padDisplay(column, 10, true)).join('')}`,
    );
    for (const row of changed.slice(0, 20)) {
      const name = row.township || t('ledger.summary.none', lang);
      const counts = [row.new, row.resolved, row.open, row.overdue];
      lines.push(`  ${padDisplay(name, 16)}${counts.map((n) => padDisplay(n.toLocaleString('en-US'), 10, true)).join('')}`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}

/** Pads to a display width (Chinese characters are two columns wide in a terminal). */
function padDisplay(text: string, width: number, right = false): string {
  const shown = [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(1, width - shown));
  return right ? fill + text : text + fill;
}

/** `--ledger FILE` and `--config FILE` (a config naming "ledger"), shared by the ledger commands. */
function ledgerFileOption(lang: Lang): Option {
  return new Option('--ledger <file>', t('cli.ledger.file', lang));
}

function configFileOption(lang: Lang): Option {
  return new Option('--config <file>', t('cli.ledger.config', lang));
}
