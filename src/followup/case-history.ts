import { isConfirmedOutcome, isNoticeWritten, RollcallError, type Category } from '../domain/index.js';
import { t, type Lang } from '../i18n/index.js';
import { standingOf } from '../ledger/index.js';
import { CATEGORY_LABELS, label } from '../report/index.js';
import { valueLabel } from './vocabulary.js';
import { withLedger } from './with-ledger.js';

// SPEC §9 `rollcall ledger show ID`: a case's history as a clerk reads it — the
// nights it was seen and its state on each, then every follow-up entry, oldest first.

export async function showCase(ledgerFile: string, caseId: string, lang: Lang): Promise<string> {
  return withLedger(ledgerFile, (store) => {
    const row = store.cases().get(caseId);
    if (!row) throw new RollcallError('ledger', { key: 'followup.show.unknown', params: { file: ledgerFile, case_id: caseId } });
    const nights = store.nightsOfCase(caseId);
    const entries = store.entries().get(caseId) ?? [];
    const lines: string[] = [];
    const none = t('ledger.summary.none', lang);
    lines.push(
      t('followup.show.heading', lang, {
        case_id: caseId,
        category: label(CATEGORY_LABELS, row.category as Category, lang),
        township: row.township || none,
        school: row.school || none,
      }),
    );
    lines.push(`  ${t('followup.show.seen', lang, { first_seen: row.first_seen, last_seen: row.last_seen, nights: nights.length })}`);
    lines.push(t('followup.show.nights', lang));
    for (const night of nights) lines.push(`  ${night.as_of}  ${t(`ledger.state.${night.state}`, lang)}`);
    if (entries.length === 0) lines.push(t('followup.show.no_entries', lang));
    else lines.push(t('followup.show.entries', lang, { count: entries.length }));
    for (const entry of entries) {
      const parts = [
        entry.date,
        valueLabel('kind', entry.kind, lang),
        entry.method ? valueLabel('method', entry.method, lang) : '',
        entry.outcome ? valueLabel('outcome', entry.outcome, lang) : '',
        entry.by,
        // rollcall's own note is shown in the reader's language (it is stored as written, in 中文).
        isNoticeWritten(entry) ? t('notices.ledger_note', lang) : entry.note,
        `(${entry.source_file}${entry.source_row ? `:${entry.source_row}` : ''})`,
      ];
      lines.push(`  ${parts.filter(Boolean).join('  ')}`);
    }
    const confirmed = [...entries].reverse().find((entry) => isConfirmedOutcome(entry.outcome));
    // Where the case stands by the rule the runs apply (a closing the latest run did not know of yet acts from the next).
    const { closure, reopened, fromNextRun } = standingOf(store, caseId, entries);
    const standing: string[] = [];
    if (closure) {
      const closing = { date: closure.date, outcome: valueLabel('outcome', closure.outcome, lang) };
      const key = reopened ? 'followup.show.reopened' : fromNextRun ? 'followup.show.closed_next' : 'followup.show.closed';
      standing.push(t(key, lang, closing));
    } else standing.push(t(fromNextRun ? 'followup.show.open_next' : 'followup.show.open', lang));
    if (confirmed?.outcome) standing.push(t('followup.show.confirmed', lang, { outcome: valueLabel('outcome', confirmed.outcome, lang) }));
    lines.push(t('followup.show.now', lang, { state: standing.join(lang === 'zh' ? '；' : '; ') }));
    return `${lines.join('\n')}\n`;
  });
}
