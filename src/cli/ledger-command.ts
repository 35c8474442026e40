import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { formatDay, RollcallError, today, type LedgerView } from '../domain/index.js';
import { loadConfigFile } from '../config/index.js';
import { t, type Lang } from '../i18n/index.js';
import { LANGS } from '../report/index.js';
import type { CommandContext } from './context.js';

/**
 * `rollcall ledger …` (SPEC §8, §9): commands on the ledger file. `verify` is here;
 * import, record, show and report join it (issue #14). Like reconcile, each takes
 * the ledger's lock: one command at a time.
 */
export function registerLedger(program: Command, context: CommandContext): Command {
  const ledger = program.command('ledger').description('commands on the ledger (台账) file');
  ledger
    .command('verify')
    .description("check the ledger: SQLite's integrity check and the ledger's own rules (exit 0 sound, 2 problems)")
    .argument('<file>', 'the ledger file')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(LANGS).default('zh'))
    .action(async (file: string, options: { lang: Lang }) => {
      if (!existsSync(file)) throw new RollcallError('ledger', { key: 'ledger.missing', params: { file } });
      // Loaded only for ledger commands: SQLite stays out of every other command.
      const { verifyLedgerFile } = await import('../ledger/index.js');
      const { problems, counts } = await verifyLedgerFile(file);
      if (problems.length === 0) {
        context.io.stdout.write(`${t('ledger.verify.ok', options.lang, { file, ...counts })}\n`);
        return;
      }
      const lines = problems.slice(0, 50).map((problem) => `  ${t(problem.key, options.lang, problem.params)}`);
      if (problems.length > 50) lines.push(`  … ${problems.length - 50}`);
      context.io.stdout.write(`${lines.join('\n')}\n`);
      throw new RollcallError('ledger', { key: 'ledger.verify.bad', params: { file, count: problems.length } });
    });
  registerFollowUp(ledger, context);
  return ledger;
}

/** SPEC §9: import, record, show, report (issue #14). */
function registerFollowUp(ledger: Command, context: CommandContext): void {
  const langOption = () => new Option('--lang <lang>', 'language of the messages and the workbook').choices(LANGS).default('zh');
  // The ledger as reconcile finds it: --ledger, else "ledger" in the config file (beside the config).
  const ledgerFile = async (options: { ledger?: string; config?: string }): Promise<string> => {
    if (options.ledger) return options.ledger;
    if (options.config) {
      const config = await loadConfigFile(options.config);
      if (config.ledger !== undefined) return resolve(dirname(options.config), config.ledger);
    }
    throw new RollcallError('usage', { key: 'followup.ledger_needed' });
  };
  const todayOf = () => formatDay(today(context.now));

  ledger
    .command('import')
    .description('add the follow-up of returned packs (待跟进 workbooks) to the ledger; a file with any problem adds nothing (exit 2)')
    .argument('<files...>', 'returned packs (.xlsx), any name, any order')
    .option('--ledger <file>', 'the ledger file')
    .option('--config <file>', 'a config file naming the ledger ("ledger")')
    .addOption(langOption())
    .action(async (files: string[], options: { ledger?: string; config?: string; lang: Lang }) => {
      const { importPacks } = await import('../followup/index.js');
      const results = await importPacks(await ledgerFile(options), files, { today: todayOf(), lang: options.lang, now: context.now });
      const lines: string[] = [];
      for (const result of results) {
        for (const note of result.notes) lines.push(t(note.key, options.lang, note.params));
        if (result.problems.length === 0) {
          lines.push(
            t('followup.import.done', options.lang, { file: result.file, added: result.added, known: result.known, blank: result.blank }),
          );
          continue;
        }
        lines.push(t('followup.import.refused', options.lang, { file: result.file, count: result.problems.length }));
        for (const problem of result.problems) {
          const what = t(problem.key, options.lang, problem.params);
          lines.push(
            `  ${
              problem.sheet === null
                ? t('followup.import.file_problem', options.lang, { file: result.file, what })
                : t('followup.import.problem', options.lang, {
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
    .description('add one follow-up entry to the ledger, checked like a pack row')
    .requiredOption('--case <id>', 'the case id (案例编号)')
    .requiredOption('--date <date>', 'the day of the follow-up, YYYY-MM-DD, not after today')
    .requiredOption('--kind <kind>', '跟进类型: 核实, 劝返 or 销号 (or verify, persuade, close)')
    .option('--method <method>', '方式: 电话, 家访, 书面通知, 乡镇责令限期改正, 司法文书, 其他')
    .option('--outcome <outcome>', '结论 (SPEC §9): 确认辍学, 已复学, 在外地就读 …')
    .option('--note <text>', '说明', '')
    .requiredOption('--by <name>', '经办人: who did it')
    .option('--ledger <file>', 'the ledger file')
    .option('--config <file>', 'a config file naming the ledger ("ledger")')
    .addOption(langOption())
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
        lang: Lang;
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
        const result = await recordEntry(await ledgerFile(options), raw, { today: todayOf(), lang: options.lang, now: context.now });
        if (result.problems.length > 0) {
          const lines = [t('followup.record.refused', options.lang)];
          for (const problem of result.problems) {
            const option = problem.field === 'case_id' ? 'case' : problem.field;
            lines.push(`  ${t('followup.record.problem', options.lang, { option, what: t(problem.key, options.lang, problem.params) })}`);
          }
          context.io.stdout.write(`${lines.join('\n')}\n`);
          throw new RollcallError('ledger', { key: 'followup.record.invalid' });
        }
        const entry = result.entry!;
        const text = [
          entry.date,
          valueLabel('kind', entry.kind, options.lang),
          entry.method ? valueLabel('method', entry.method, options.lang) : '',
          entry.outcome ? valueLabel('outcome', entry.outcome, options.lang) : '',
          entry.by,
        ]
          .filter(Boolean)
          .join(' ');
        context.io.stdout.write(
          `${t(result.added ? 'followup.record.added' : 'followup.record.known', options.lang, { case_id: entry.caseId, entry: text })}\n`,
        );
      },
    );

  ledger
    .command('show')
    .description("a case's history: nights seen, states, follow-up entries")
    .argument('<case_id>', 'the case id (案例编号)')
    .option('--ledger <file>', 'the ledger file')
    .option('--config <file>', 'a config file naming the ledger ("ledger")')
    .addOption(langOption())
    .action(async (caseId: string, options: { ledger?: string; config?: string; lang: Lang }) => {
      const { showCase } = await import('../followup/index.js');
      context.io.stdout.write(await showCase(await ledgerFile(options), caseId, options.lang));
    });

  ledger
    .command('report')
    .description('学校一月一报告 (--month YYYY-MM) or 一季度一复核 (--quarter YYYYQn): per school and township, from the ledger')
    .option('--month <month>', 'the month, YYYY-MM')
    .option('--quarter <quarter>', 'the quarter, YYYYQn')
    .option('--out <dir>', 'folder to write the workbook into', 'rollcall-reports')
    .option('--ledger <file>', 'the ledger file')
    .option('--config <file>', 'a config file naming the ledger ("ledger")')
    .addOption(langOption())
    .action(async (options: { month?: string; quarter?: string; out: string; ledger?: string; config?: string; lang: Lang }) => {
      const { parseMonth, parseQuarter, writePeriodReport } = await import('../followup/index.js');
      if ((options.month === undefined) === (options.quarter === undefined))
        throw new RollcallError('usage', { key: 'followup.report.period_needed' });
      const period = options.month !== undefined ? parseMonth(options.month) : parseQuarter(options.quarter!);
      const { file } = await writePeriodReport(await ledgerFile(options), period, options.out, options.lang);
      context.io.stdout.write(`${t('followup.report.written', options.lang, { file })}\n`);
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
      lines.push(
        `  ${padDisplay(name, 16)}${counts.map((n) => padDisplay(n.toLocaleString('en-US'), 10, true)).join('')}`,
      );
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
