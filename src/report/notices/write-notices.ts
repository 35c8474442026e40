import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../../classify/index.js';
import type { Case } from '../../domain/index.js';
import { writeReportFile } from '../output-dir.js';
import { priorityOrder } from '../priority.js';
import { chineseDate, issuerFor, NOTICE_KINDS, noticeData, type NoticeContext } from './notice-data.js';
import { renderNotices, type NoticeTemplate } from './notice-template.js';

export interface NoticeInput {
  readonly template: NoticeTemplate;
  readonly context: NoticeContext;
  /**
   * With a ledger (SPEC §8): whether a case is open (new, open, reopened); closed
   * cases get no notice. Without a ledger every case found tonight is open.
   */
  readonly isOpen?: (c: Case) => boolean;
}

export interface WrittenNotices {
  /** Paths inside the report folder (notices/<township>.docx). */
  readonly files: readonly string[];
  /** The cases a notice was written for: the ledger records a 书面通知 entry on each. */
  readonly caseIds: readonly string[];
}

/** SPEC §11: the open enrolled_absent and unregistered_school_age cases, in priority order (indices into `cases`). */
export function selectNoticeCases(cases: readonly Case[], isOpen: (c: Case) => boolean = () => true): number[] {
  return priorityOrder(cases).filter((i) => cases[i]!.category in NOTICE_KINDS && isOpen(cases[i]!));
}

/** Writes notices/<township>.docx into the report folder being built: one page per child. */
export async function writeNotices(
  dir: string,
  cases: readonly Case[],
  findings: readonly Finding[],
  input: NoticeInput,
): Promise<WrittenNotices> {
  await mkdir(join(dir, 'notices'), { mode: 0o700 });
  const byTownship = new Map<string, number[]>();
  for (const i of selectNoticeCases(cases, input.isOpen)) {
    const township = cases[i]!.township;
    const list = byTownship.get(township);
    if (list) list.push(i);
    else byTownship.set(township, [i]);
  }
  const { context } = input;
  const files: string[] = [];
  const caseIds: string[] = [];
  const used = new Set<string>();
  for (const [township, indices] of byTownship) {
    const notices = indices.map((i) => noticeData(cases[i]!, findings[i]!.primary, context));
    const document = renderNotices(input.template, {
      township,
      issuer: issuerFor(township, context.settings.issuer),
      date: chineseDate(context.asOf),
      deadline: notices[0]!.deadline,
      count: String(notices.length),
      notices,
    });
    const file = `notices/${fileNameFor(township, used)}.docx`;
    await writeReportFile(dir, file, document);
    files.push(file);
    caseIds.push(...indices.map((i) => cases[i]!.case_id));
  }
  return { files, caseIds };
}

/** A township as a file name: no path or reserved characters; an empty township is named as such. */
function fileNameFor(township: string, used: Set<string>): string {
  const base = township.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_') || '未填乡镇';
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
  used.add(name);
  return name;
}
