import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { writeReportFile } from '../output-dir.js';
import type { DashboardData } from './dashboard-data.js';
import { renderDashboardHtml } from './render-html.js';

export { buildDashboardData, countCasesBySchool, type DashboardData, type DashboardHistory } from './dashboard-data.js';
export { renderDashboardHtml } from './render-html.js';
export { scriptSafeJson } from './safe-json.js';

export const DASHBOARD_FILE = 'dashboard.html';

let echartsSource: Promise<string> | undefined;

/** ECharts' browser build from node_modules, read once per process; resolved from this file, so it works from dist/ too. */
export function readEchartsSource(): Promise<string> {
  echartsSource ??= readFile(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), 'utf8');
  return echartsSource;
}

/** Issue #16: dashboard.html, the one report file that may leave the bureau (it holds aggregates only). */
export async function writeDashboard(dir: string, data: DashboardData): Promise<string> {
  await writeReportFile(dir, DASHBOARD_FILE, renderDashboardHtml(data, await readEchartsSource()));
  return DASHBOARD_FILE;
}
