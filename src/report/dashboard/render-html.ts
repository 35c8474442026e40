import { CATEGORIES } from '../../domain/index.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { CATEGORY_LABELS } from '../labels.js';
import { CLIENT_SCRIPT } from './client-script.js';
import type { Count, DashboardData, DashboardHistory } from './dashboard-data.js';
import { escapeHtml as h, inlineScript, scriptSafeJson } from './safe-json.js';

/** System fonts only (the page works offline): the Chinese fonts of Windows, macOS and Linux, in that order. */
export const FONT_STACK = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", SimHei, sans-serif';

const CATEGORY_COLOURS: Record<string, string> = {
  enrolled_absent: '#b8352c',
  unregistered_school_age: '#d08a1a',
  missing_id: '#6a4c93',
  empty_registration: '#2f6fb0',
  identity_mismatch: '#3b8a4a',
  review: '#5b6573',
};

/** The trend table lists the latest runs only: a year of nightly runs does not fit on paper; the chart shows them all. */
export const RUNS_IN_TABLE = 14;

/**
 * dashboard.html as one string: styles, data, the charting library and the script
 * inline, so the file works when opened by double-click on a PC with no network.
 * A Content-Security-Policy forbids every request: nothing can load from anywhere.
 */
export function renderDashboardHtml(data: DashboardData, echartsSource: string): string {
  const { lang } = data;
  const tr = (key: MessageKey, params?: Record<string, string | number>): string => h(t(key, lang, params));
  const sections = [
    renderCountSection('by_category', tr('dashboard.by_category'), tr('dashboard.col.category'), data.by_category, data.total, lang),
    renderCountSection('by_township', tr('dashboard.by_township'), tr('dashboard.col.township'), data.by_township, data.total, lang),
    renderCountSection(
      'by_reason',
      tr('dashboard.by_reason'),
      tr('dashboard.col.reason'),
      data.by_reason,
      null,
      lang,
      tr('dashboard.by_reason_note'),
    ),
    renderCountSection(
      'by_school',
      tr('dashboard.by_school', { count: data.schools_with_cases }),
      tr('dashboard.col.school'),
      data.by_school,
      data.total,
      lang,
    ),
    data.population ? renderPopulation(data, lang) : '',
    data.history ? renderHistory(data.history, lang) : `<p class="note no-ledger">${tr('dashboard.no_ledger')}</p>`,
    renderInputs(data, lang),
  ];
  const payload = {
    data,
    font: FONT_STACK,
    categoryColours: CATEGORY_COLOURS,
    text: {
      categories: Object.fromEntries(CATEGORIES.map((c) => [c, CATEGORY_LABELS[c][lang]])),
      with_registration: t('dashboard.col.with_registration', lang),
      without_registration: t('dashboard.col.without_registration', lang),
      new: t('dashboard.col.new', lang),
      resolved: t('dashboard.col.resolved', lang),
      stages: Object.fromEntries(STAGES.map((s) => [s, t(`dashboard.stage.${s}`, lang)])),
      ages: Object.fromEntries(AGES.map((a) => [a, t(`dashboard.age.${a}`, lang)])),
    },
  };
  const openNow = data.history?.runs.at(-1);
  const kpis = [
    kpi(tr('dashboard.total'), data.total, 'total'),
    kpi(tr('dashboard.townships_with_cases'), data.by_township.length, 'townships'),
    ...(openNow ? [kpi(tr('dashboard.open_cases'), sumOpen(openNow.open_by_category), 'open')] : []),
  ];
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${tr('dashboard.title')} ${h(data.as_of)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="page">
<header>
<h1>${tr('dashboard.title')}</h1>
<p class="subtitle">${tr('dashboard.subtitle', { as_of: data.as_of, reference_day: data.reference_day, version: data.version })}</p>
<div class="kpis">${kpis.join('')}</div>
</header>
${sections.filter((s) => s !== '').join('\n')}
<footer>${tr('dashboard.footer')}</footer>
</main>
<script type="application/json" id="dashboard-data">${scriptSafeJson(payload)}</script>
<script>${inlineScript(echartsSource)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

const STAGES = ['suspected', 'confirmed', 'persuaded', 'returned_or_closed'] as const;
const AGES = ['up_to_7_days', 'days_8_to_30', 'over_30_days'] as const;

function kpi(label: string, value: number, key: string): string {
  return `<div class="kpi"><div class="kpi-value" data-count="kpi:${key}">${value.toLocaleString('en-US')}</div><div class="kpi-label">${label}</div></div>`;
}

function sumOpen(open: Readonly<Partial<Record<string, number>>>): number {
  return Object.values(open).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

/** Room for each bar and its label: a chart of 30 townships must not squeeze them. */
function barsHeight(bars: number): number {
  return Math.max(140, 28 + 30 * bars);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${(Math.round((1000 * part) / whole) / 10).toFixed(1)}%`;
}

function section(id: string, title: string, body: string, note = ''): string {
  return `<section class="panel" id="${id}">\n<h2>${title}</h2>\n${note === '' ? '' : `<p class="note">${note}</p>\n`}${body}\n</section>`;
}

function chartBox(chart: string, height: number): string {
  return `<div class="chart" data-chart="${chart}" style="height:${height}px"></div>`;
}

/** Column headings over numbers are right-aligned like the numbers; `textColumns` says how many come first. */
function table(head: readonly string[], rows: readonly string[][], textColumns = 1): string {
  const headRow = head.map((cell, i) => `<th${i < textColumns ? '' : ' class="num"'}>${cell}</th>`).join('');
  return `<table><thead><tr>${headRow}</tr></thead><tbody>\n${rows.map((row) => `<tr>${row.join('')}</tr>`).join('\n')}\n</tbody></table>`;
}

/** A number cell the browser test reads back: `data-count="<chart>:<key>"`. */
function numberCell(chart: string, key: string, value: number): string {
  return `<td class="num" data-count="${h(chart)}:${h(key)}">${value.toLocaleString('en-US')}</td>`;
}

function renderCountSection(
  id: string,
  title: string,
  column: string,
  counts: readonly Count[],
  total: number | null,
  lang: DashboardData['lang'],
  note = '',
): string {
  if (counts.every((c) => c.count === 0)) return section(id, title, `<p class="empty">${h(t('dashboard.no_cases', lang))}</p>`);
  const head = [column, h(t('dashboard.col.cases', lang)), ...(total === null ? [] : [h(t('dashboard.col.share', lang))])];
  const rows = counts.map((c) => [
    `<td>${h(c.label)}</td>`,
    numberCell(id, c.key, c.count),
    ...(total === null ? [] : [`<td class="num">${percent(c.count, total)}</td>`]),
  ]);
  return section(
    id,
    title,
    `<div class="row">${chartBox(id, barsHeight(counts.length))}<div class="table">${table(head, rows)}</div></div>`,
    note,
  );
}

function renderPopulation(data: DashboardData, lang: DashboardData['lang']): string {
  const population = data.population ?? [];
  const head = ['dashboard.col.township', 'dashboard.col.school_age', 'dashboard.col.with_registration', 'dashboard.col.share'] as const;
  const rows = population.map((p) => [
    `<td>${h(p.township)}</td>`,
    numberCell('population.school_age', p.key, p.school_age),
    numberCell('population.with_active_registration', p.key, p.with_active_registration),
    `<td class="num">${percent(p.with_active_registration, p.school_age)}</td>`,
  ]);
  const note = h(t('dashboard.population_note', lang, { min: data.school_age.min, max: data.school_age.max }));
  const body = `<div class="row">${chartBox('population', barsHeight(population.length) + 28)}<div class="table">${table(
    head.map((k) => h(t(k, lang))),
    rows,
  )}</div></div>`;
  return section('population', h(t('dashboard.population', lang)), body, note);
}

function renderHistory(history: DashboardHistory, lang: DashboardData['lang']): string {
  const tr = (key: MessageKey, params?: Record<string, string | number>): string => h(t(key, lang, params));
  const recent = history.runs.slice(-RUNS_IN_TABLE).reverse();
  const runRows = recent.map((run) => [
    `<td>${h(run.as_of)}</td>`,
    numberCell('runs.open', run.as_of, sumOpen(run.open_by_category)),
    numberCell('runs.new', run.as_of, run.new),
    numberCell('runs.resolved', run.as_of, run.resolved),
  ]);
  const runsCaption =
    history.runs.length > RUNS_IN_TABLE
      ? `<p class="note">${tr('dashboard.recent_runs', { count: RUNS_IN_TABLE, all: history.runs.length })}</p>`
      : '';
  const runsTable =
    runsCaption +
    table([tr('dashboard.col.run'), tr('dashboard.col.open'), tr('dashboard.col.new'), tr('dashboard.col.resolved')], runRows);
  const trend = `<div class="row">${chartBox('open_over_time', 320)}<div class="table">${runsTable}</div></div>`;
  const newResolved = `<div class="row">${chartBox('new_vs_resolved', 260)}<div class="table"></div></div>`;
  const funnelRows = STAGES.map((s) => [`<td>${tr(`dashboard.stage.${s}`)}</td>`, numberCell('funnel', s, history.funnel[s])]);
  const funnel = `<div class="row">${chartBox('funnel', barsHeight(STAGES.length))}<div class="table">${table([tr('dashboard.col.stage'), tr('dashboard.col.cases')], funnelRows)}</div></div>`;
  const ageRows = AGES.map((a) => [`<td>${tr(`dashboard.age.${a}`)}</td>`, numberCell('open_age', a, history.open_age[a])]);
  const age = `<div class="row">${chartBox('open_age', 240)}<div class="table">${table([tr('dashboard.col.age'), tr('dashboard.col.cases')], ageRows)}</div></div>`;
  return [
    section('open_over_time', tr('dashboard.open_over_time'), trend),
    section('new_vs_resolved', tr('dashboard.new_vs_resolved'), newResolved),
    section('funnel', tr('dashboard.funnel'), funnel, tr('dashboard.funnel_note')),
    section('open_age', tr('dashboard.open_age'), age),
  ].join('\n');
}

function renderInputs(data: DashboardData, lang: DashboardData['lang']): string {
  const head = [
    'dashboard.col.source',
    'dashboard.col.file',
    'dashboard.col.rows_read',
    'dashboard.col.rows_accepted',
    'dashboard.col.rows_rejected',
  ] as const;
  const rows = data.inputs.map((input) => [
    `<td>${h(input.label)}</td>`,
    `<td class="file">${h(input.file)}</td>`,
    numberCell('inputs.rows_read', input.source, input.rows_read),
    numberCell('inputs.rows_accepted', input.source, input.rows_accepted),
    numberCell('inputs.rows_rejected', input.source, input.rows_rejected),
  ]);
  const headCells = head.map((k) => h(t(k, lang)));
  return section('inputs', h(t('dashboard.inputs', lang)), `<div class="inputs">${table(headCells, rows, 2)}</div>`);
}

const STYLE = `
* { box-sizing: border-box; }
html { background: #f3f5f8; }
body { margin: 0; font-family: ${FONT_STACK}; color: #1f2933; font-size: 14px; line-height: 1.5; }
.page { max-width: 1040px; margin: 0 auto; padding: 20px 16px 32px; }
header h1 { margin: 0 0 4px; font-size: 26px; font-weight: 700; color: #15324f; }
.subtitle { margin: 0 0 14px; color: #52606d; }
.kpis { display: flex; gap: 12px; flex-wrap: wrap; }
.kpi { background: #fff; border: 1px solid #d9dee5; border-radius: 6px; padding: 10px 18px; min-width: 150px; }
.kpi-value { font-size: 28px; font-weight: 700; color: #15324f; }
.kpi-label { color: #52606d; }
.panel { background: #fff; border: 1px solid #d9dee5; border-radius: 6px; padding: 12px 16px 14px; margin-top: 14px; }
.panel h2 { margin: 0 0 8px; font-size: 18px; color: #15324f; }
.note { margin: -4px 0 8px; color: #52606d; font-size: 13px; }
.no-ledger { margin-top: 14px; }
.empty { color: #52606d; }
.row { display: flex; gap: 16px; align-items: flex-start; }
.chart { flex: 1 1 58%; min-width: 0; }
.table { flex: 0 0 40%; }
.table:empty { display: none; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #e4e7eb; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #eef2f7; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.file { word-break: break-all; }
footer { margin-top: 16px; color: #52606d; font-size: 12px; }
@media (max-width: 760px) { .row { flex-direction: column; } .table { flex-basis: auto; width: 100%; } }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  html { background: #fff; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .page { max-width: none; width: 100%; padding: 0; }
  .panel { border: none; padding: 0; margin-top: 10px; break-inside: avoid; page-break-inside: avoid; }
  .kpi { border-color: #999; }
  tr { break-inside: avoid; }
}
`;
