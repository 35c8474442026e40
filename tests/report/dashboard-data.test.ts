import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/index.js';
import { buildDashboardData, countCasesBySchool, renderDashboardHtml, scriptSafeJson } from '../../src/report/dashboard/index.js';
import { HOSTILE_TOWNSHIP, syntheticHistory, syntheticSummary } from './dashboard-fixtures.js';

const schools = (counts: Record<string, number>) => new Map(Object.entries(counts));

describe('dashboard data: aggregates only, from summary.json (issue #16)', () => {
  it('ranks categories, reasons and townships, most first, and keeps every category', () => {
    const data = buildDashboardData({ summary: syntheticSummary(), casesBySchool: schools({}), lang: 'zh' });
    expect(data.by_category.map((c) => [c.key, c.count])).toEqual([
      ['unregistered_school_age', 31],
      ['enrolled_absent', 12],
      ['review', 7],
      ['missing_id', 4],
      ['empty_registration', 0],
      ['identity_mismatch', 0],
    ]);
    expect(data.by_category[0]!.label).toBe('适龄未入学');
    // Reasons no case has are left out; ties go by code.
    expect(data.by_reason.map((r) => r.key)).toEqual([
      'no_registry_record',
      'not_checked_in',
      'weak_match',
      'registry_dropout',
      'id_empty',
    ]);
    expect(data.by_township.map((c) => c.label)).toEqual(['城关镇', '东湖镇', '西岗镇', HOSTILE_TOWNSHIP]);
    expect(data.total).toBe(54);
  });

  it('names a township left empty in the records', () => {
    const summary = syntheticSummary();
    const data = buildDashboardData({
      summary: {
        ...summary,
        cases: { ...summary.cases, by_township: { 城关镇: 2, '': 1 } },
        population_by_township: { '': { school_age: 5, with_active_registration: 4 } },
      },
      casesBySchool: schools({}),
      lang: 'zh',
    });
    expect(data.by_township).toEqual([
      { key: '城关镇', label: '城关镇', count: 2 },
      { key: '', label: '（未填乡镇）', count: 1 },
    ]);
    expect(data.population).toEqual([{ key: '', township: '（未填乡镇）', school_age: 5, with_active_registration: 4 }]);
  });

  it('names input files without their folders (a path can name a clerk)', () => {
    const data = buildDashboardData({ summary: syntheticSummary(), casesBySchool: schools({}), lang: 'zh' });
    expect(data.inputs.map((i) => [i.source, i.label, i.file, i.rows_read, i.rows_accepted, i.rows_rejected])).toEqual([
      ['registry', '学籍', '学籍 2026.xlsx', 5210, 5203, 7],
      ['household', '户籍', '户籍.csv', 30100, 30100, 0],
    ]);
  });

  it('orders townships by school-age population and has no population without the field', () => {
    const data = buildDashboardData({ summary: syntheticSummary(), casesBySchool: schools({}), lang: 'zh' });
    expect(data.population?.map((p) => p.township)).toEqual(['城关镇', '东湖镇', '西岗镇', HOSTILE_TOWNSHIP]);
    const { population_by_township: _, ...plain } = syntheticSummary();
    expect(buildDashboardData({ summary: plain as never, casesBySchool: schools({}), lang: 'zh' }).population).toBeUndefined();
  });

  it('shows the 15 schools with most cases, cases with no school apart, and sums the other schools into one bar', () => {
    const counts = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`第${i + 1}小学`, 40 - i]));
    const data = buildDashboardData({ summary: syntheticSummary(), casesBySchool: schools({ ...counts, '': 3 }), lang: 'zh' });
    expect(data.by_school).toHaveLength(17);
    expect(data.by_school[0]).toEqual({ key: '第1小学', label: '第1小学', count: 40 });
    expect(data.by_school[15]).toEqual({ key: '', label: '（无学校）', count: 3 });
    // 第16…第20小学: 25 … 21.
    expect(data.by_school[16]).toEqual({ key: '*', label: '其他 5 所学校', count: 25 + 24 + 23 + 22 + 21 });
    expect(data.schools_with_cases).toBe(20);
    const few = buildDashboardData({ summary: syntheticSummary(), casesBySchool: schools({ 城关小学: 2, '': 5 }), lang: 'en' });
    expect(few.by_school).toEqual([
      { key: '', label: '(no school)', count: 5 },
      { key: '城关小学', label: '城关小学', count: 2 },
    ]);
  });

  it('counts cases per school and keeps nothing else of a case', () => {
    const cases = [{ school: 'A', name: '张三' }, { school: 'B' }, { school: 'A' }] as unknown as Case[];
    expect([...countCasesBySchool(cases)]).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
  });
});

describe('dashboard HTML: data inline and inert', () => {
  it('escapes <, >, &, U+2028 and U+2029 in the inline JSON, and JSON.parse gives the same values back', () => {
    const value = { township: `${HOSTILE_TOWNSHIP} & <!-- \u2028\u2029` };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('writes a hostile township only as text: escaped in tables, \\u-escaped in the data', () => {
    const data = buildDashboardData({ summary: syntheticSummary(), casesBySchool: schools({}), history: syntheticHistory(), lang: 'zh' });
    const html = renderDashboardHtml(data, '/* library */');
    expect(html).not.toContain(HOSTILE_TOWNSHIP);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;window.pwned=1;alert(1)&lt;/script&gt;');
    // The page has exactly its three scripts: the data, the library and the drawing.
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it('never lets the library end its script element early', () => {
    const html = renderDashboardHtml(
      buildDashboardData({ summary: syntheticSummary(), casesBySchool: schools({}), lang: 'zh' }),
      'var s = "</script>";',
    );
    expect(html).toContain('var s = "<\\/script>";');
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it('forbids every network request, uses system CJK fonts and prints A4 landscape', () => {
    const html = renderDashboardHtml(buildDashboardData({ summary: syntheticSummary(), casesBySchool: schools({}), lang: 'zh' }), '');
    expect(html).toContain(`content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain('"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", SimHei, sans-serif');
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).not.toMatch(/<(link|img|iframe)\b|@import|url\(/);
  });

  it('says there is no ledger when there is no history, and is the same bytes for the same data', () => {
    const data = buildDashboardData({ summary: syntheticSummary(), casesBySchool: schools({}), lang: 'zh' });
    const html = renderDashboardHtml(data, '');
    expect(html).toContain('未使用台账');
    expect(html).not.toContain('data-chart="open_over_time"');
    expect(renderDashboardHtml(data, '')).toBe(html);
    const withHistory = renderDashboardHtml(
      buildDashboardData({ summary: syntheticSummary(), casesBySchool: schools({}), history: syntheticHistory(), lang: 'zh' }),
      '',
    );
    for (const chart of ['open_over_time', 'new_vs_resolved', 'funnel', 'open_age']) expect(withHistory).toContain(`data-chart="${chart}"`);
    expect(withHistory).not.toContain('最近 14 次运行');
  });

  it('lists the latest 14 runs in the table, newest first, and says how many there are', () => {
    const history = syntheticHistory();
    const runs = Array.from({ length: 20 }, (_, i) => ({ ...history.runs[0]!, as_of: `2026-09-${String(i + 1).padStart(2, '0')}` }));
    const html = renderDashboardHtml(
      buildDashboardData({ summary: syntheticSummary(), casesBySchool: schools({}), history: { ...history, runs }, lang: 'zh' }),
      '',
    );
    expect(html).toContain('最近 14 次运行（共 20 次，图中全部显示）');
    const listed = [...html.matchAll(/data-count="runs\.new:([\d-]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(
      runs
        .slice(-14)
        .reverse()
        .map((r) => r.as_of),
    );
  });
});
