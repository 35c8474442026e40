import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/domain/index.js';
import { generateCounty } from '../../src/generate/index.js';
import { buildDashboardData, readEchartsSource, renderDashboardHtml } from '../../src/report/dashboard/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir } from '../helpers/files.js';
import { launchDashboardBrowser, type DashboardBrowser } from './dashboard-browser.js';
import { HOSTILE_TOWNSHIP, syntheticHistory, syntheticSummary } from './dashboard-fixtures.js';

// Issue #16: dashboard.html in a real browser, opened from disk as a leader would by
// double-click. Chromium must be there (.ci/run installs it): no Chromium fails the test.

const ARTIFACTS = 'test-artifacts';
/** A4 landscape less 10 mm margins each side, in CSS pixels (96 per inch): 277 mm. */
const A4_LANDSCAPE_WIDTH = Math.floor((277 / 25.4) * 96);
const A4_LANDSCAPE_HEIGHT = Math.floor((190 / 25.4) * 96);

let browser: DashboardBrowser;
let county: { dir: string; out: string; summary: any; cases: any[]; html: string };

beforeAll(async () => {
  browser = await launchDashboardBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = tempDir();
  const generated = await generateCounty({ people: 3000, seed: 16, asOf: 20260920, flavor: 'clean' }, dir);
  const out = join(dir, 'out');
  const sources = Object.entries(generated.files).flatMap(([source, file]) => [`--${source}`, join(dir, file)]);
  const result = await runRollcall(['reconcile', ...sources, '--as-of', '2026-09-20', '--out', out]);
  expect(result.code, result.stderr).toBe(0);
  county = {
    dir,
    out,
    summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')),
    cases: readFileSync(join(out, 'cases.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line)),
    html: readFileSync(join(out, 'dashboard.html'), 'utf8'),
  };
});

afterAll(async () => {
  await browser?.close();
});

/** Every number the page shows in a table or a headline, by its `data-count` key. */
async function shownCounts(page: import('playwright-core').Page): Promise<Record<string, number>> {
  const cells = await page.$$eval('[data-count]', (els) => els.map((el) => [el.getAttribute('data-count'), el.textContent] as const));
  return Object.fromEntries(cells.map(([key, text]) => [key, Number(String(text).replaceAll(',', ''))]));
}

/** Every chart box: its name, the size of its drawing, and how many shapes and texts are drawn in it. */
async function drawnCharts(page: import('playwright-core').Page) {
  return page.$$eval('[data-chart]', (els) =>
    els.map((el) => {
      const svg = el.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      return {
        chart: el.getAttribute('data-chart'),
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        shapes: svg?.querySelectorAll('path, rect, text').length ?? 0,
      };
    }),
  );
}

describe('dashboard.html in headless Chromium (issue #16)', () => {
  it('opens from disk with no error and no request, draws every chart, and shows the numbers of summary.json', async () => {
    const { page, errors, requests } = await browser.open(join(county.out, 'dashboard.html'));
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.getAttribute('html', 'data-rendered')).toBe('5');

    const charts = await drawnCharts(page);
    expect(charts.map((c) => c.chart)).toEqual(['by_category', 'by_township', 'by_reason', 'by_school', 'population']);
    for (const c of charts) {
      expect(c.width, c.chart!).toBeGreaterThan(200);
      expect(c.height, c.chart!).toBeGreaterThan(100);
      expect(c.shapes, c.chart!).toBeGreaterThan(10);
    }
    // The bars are labelled: the township with most cases is written in its chart.
    const [topTownship] = Object.keys(county.summary.cases.by_township);
    expect(await page.locator('[data-chart="by_township"] svg text', { hasText: topTownship! }).count()).toBeGreaterThan(0);

    const { summary } = county;
    const bySchool = new Map<string, number>();
    for (const c of county.cases) bySchool.set(c.school, (bySchool.get(c.school) ?? 0) + 1);
    const shown = await shownCounts(page);
    const expected: Record<string, number> = {
      'kpi:total': summary.cases.total,
      'kpi:townships': Object.keys(summary.cases.by_township).length,
      ...Object.fromEntries(CATEGORIES.map((c) => [`by_category:${c}`, summary.cases.by_category[c]])),
      ...Object.fromEntries(Object.entries(summary.cases.by_township).map(([township, n]) => [`by_township:${township}`, n])),
      ...Object.fromEntries(
        Object.entries(summary.cases.by_reason)
          .filter(([, n]) => n !== 0)
          .map(([reason, n]) => [`by_reason:${reason}`, n]),
      ),
      ...Object.fromEntries(
        Object.entries(summary.population_by_township as Record<string, { school_age: number; with_active_registration: number }>).flatMap(
          ([township, p]) => [
            [`population.school_age:${township}`, p.school_age],
            [`population.with_active_registration:${township}`, p.with_active_registration],
          ],
        ),
      ),
      ...Object.fromEntries(
        Object.entries(summary.sources).flatMap(([source, s]: [string, any]) =>
          ['rows_read', 'rows_accepted', 'rows_rejected'].map((field) => [`inputs.${field}:${source}`, s[field]]),
        ),
      ),
    };
    const shownSchools = Object.entries(shown).filter(([key]) => key.startsWith('by_school:'));
    const others = Object.entries(shown).filter(([key]) => !key.startsWith('by_school:'));
    expect(Object.fromEntries(others)).toEqual(expected);
    expect(summary.cases.total).toBeGreaterThan(50);
    // Schools: the 15 with most cases one by one, the rest summed; together every case.
    expect(shownSchools.length).toBeGreaterThan(5);
    for (const [key, n] of shownSchools) if (key !== 'by_school:*') expect(n, key).toBe(bySchool.get(key.slice('by_school:'.length)));
    expect(shownSchools.reduce((sum, [, n]) => sum + n, 0)).toBe(county.cases.length);

    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
  });

  it('holds no ID number, student number or name from the inputs', async () => {
    const library = await readEchartsSource();
    const values = { id: new Set<string>(), name: new Set<string>() };
    for (const file of ['registry.csv', 'household.csv', 'poverty.csv', 'attendance.csv']) {
      const rows: Record<string, string>[] = parse(readFileSync(join(county.dir, file)), {
        columns: true,
        bom: true,
        skip_empty_lines: true,
      });
      for (const row of rows) {
        for (const column of ['身份证号', '证件号码', '全国学籍号']) if (row[column]) values.id.add(row[column]!.trim());
        for (const column of ['姓名', '成员姓名']) if (row[column]) values.name.add(row[column]!.trim());
      }
    }
    expect(values.id.size).toBeGreaterThan(2000);
    expect(values.name.size).toBeGreaterThan(1000);
    const ids = [...values.id].filter((id) => county.html.includes(id));
    expect(ids).toEqual([]);
    // A name can be two characters that the library's own Chinese texts happen to hold (周一): names are
    // looked for in everything but the library, which is node_modules' file as it is, byte for byte.
    expect(county.html.split(library)).toHaveLength(2);
    const page = county.html.replace(library, '');
    expect(page.length).toBeGreaterThan(10_000);
    expect([...values.name].filter((name) => page.includes(name))).toEqual([]);
    // The check finds a name when one is there.
    const planted = [...values.name][7]!;
    expect([...values.name].filter((name) => `${page}<td>${planted}</td>`.includes(name))).toContain(planted);
  });

  it('with a ledger and population: draws the trends, the follow-up and the ages, and a hostile township stays text', async () => {
    const data = buildDashboardData({
      summary: syntheticSummary(),
      casesBySchool: new Map([
        ['城关小学', 30],
        ['', 24],
      ]),
      history: syntheticHistory(),
      lang: 'zh',
    });
    const file = join(tempDir(), 'dashboard.html');
    writeFileSync(file, renderDashboardHtml(data, await readEchartsSource()));
    const { page, errors, requests } = await browser.open(file);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate('typeof window.pwned')).toBe('undefined');

    const charts = await drawnCharts(page);
    expect(charts.map((c) => c.chart)).toEqual([
      'by_category',
      'by_township',
      'by_reason',
      'by_school',
      'population',
      'open_over_time',
      'new_vs_resolved',
      'funnel',
      'open_age',
    ]);
    for (const c of charts) {
      expect(c.width, c.chart!).toBeGreaterThan(200);
      expect(c.height, c.chart!).toBeGreaterThan(100);
      expect(c.shapes, c.chart!).toBeGreaterThan(8);
    }
    // One line per category that was ever open: four.
    expect(await page.locator('[data-chart="open_over_time"] svg path[fill="none"]').count()).toBeGreaterThanOrEqual(4);

    const history = syntheticHistory();
    const summary = syntheticSummary();
    const shown = await shownCounts(page);
    expect(shown['kpi:open']).toBe(54);
    for (const run of history.runs) {
      expect(shown[`runs.new:${run.as_of}`]).toBe(run.new);
      expect(shown[`runs.resolved:${run.as_of}`]).toBe(run.resolved);
      expect(shown[`runs.open:${run.as_of}`]).toBe(Object.values(run.open_by_category).reduce((a, b) => a + b, 0));
    }
    for (const [stage, n] of Object.entries(history.funnel)) expect(shown[`funnel:${stage}`]).toBe(n);
    for (const [age, n] of Object.entries(history.open_age)) expect(shown[`open_age:${age}`]).toBe(n);
    for (const [township, p] of Object.entries(summary.population_by_township)) {
      expect(shown[`population.school_age:${township}`]).toBe(p.school_age);
      expect(shown[`population.with_active_registration:${township}`]).toBe(p.with_active_registration);
    }
    expect(shown[`by_township:${HOSTILE_TOWNSHIP}`]).toBe(3);
    expect(await page.locator('#by_township td', { hasText: HOSTILE_TOWNSHIP }).count()).toBe(1);
    expect(await page.locator('#population td').filter({ hasText: '99.2%' }).count()).toBe(1); // 4175 / 4210

    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-ledger.png'), fullPage: true });
  });

  it('prints on A4 landscape: every chart within one page, every chart and table within the page width', async () => {
    // A county of 40 townships: its chart is taller than a page on screen.
    const summary = syntheticSummary();
    const townships = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`第${i + 1}乡镇`, 40 - i]));
    const data = buildDashboardData({
      summary: { ...summary, cases: { ...summary.cases, by_township: townships } },
      casesBySchool: new Map([['城关小学', 30]]),
      history: syntheticHistory(),
      lang: 'zh',
    });
    const file = join(tempDir(), 'dashboard.html');
    writeFileSync(file, renderDashboardHtml(data, await readEchartsSource()));
    // Opened on a wide screen, then printed.
    const { page, errors } = await browser.open(file, { width: 1920, height: 1080 });
    expect((await drawnCharts(page)).find((c) => c.chart === 'by_township')!.height).toBeGreaterThan(A4_LANDSCAPE_HEIGHT);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_LANDSCAPE_WIDTH, height: 740 });
    // What the browser does when a person prints (Ctrl+P).
    await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    const overflowing = await page.$$eval(
      '.chart svg, table',
      (els, width) => els.filter((el) => el.getBoundingClientRect().right > width).map((el) => el.outerHTML.slice(0, 80)),
      A4_LANDSCAPE_WIDTH,
    );
    expect(overflowing).toEqual([]);
    for (const c of await drawnCharts(page)) expect(c.height, c.chart!).toBeLessThan(A4_LANDSCAPE_HEIGHT - 60);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(A4_LANDSCAPE_WIDTH);
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    writeFileSync(join(ARTIFACTS, 'dashboard.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
  });
});
