import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { RollcallError, type LedgerView } from '../domain/index.js';
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
  return ledger;
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
