import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { County } from '../helpers/county.js';
import { join, tempDir } from '../helpers/files.js';
import { readWorkbook } from '../helpers/xlsx.js';

// SPEC §10 适龄儿童台账: where each school-age child stands. A child whose registration is
// not active is not "not in the registry": a leader would read 未在学籍中 as a child nobody
// enrolled (a probe found ~190 pupils who had finished grade 9 shown that way).
describe('适龄儿童台账: where a child with no active registration stands', () => {
  it('在读, 休学, 已完成义务教育, a status in no list, and 疑似 / 未在学籍中', async () => {
    const county = new County();
    const child = (name: string, birth: string, registry: Record<string, string> | null) => {
      const person = county.person(name, birth);
      county.household(person);
      if (registry) county.registry(person, registry);
      county.attendance(person);
      return person;
    };
    child('在读童', '2015-03-05', {});
    child('休学童', '2014-04-04', { 学籍状态: '休学' });
    child('毕业童', '2011-10-10', { 学籍状态: '毕业', 年级: '九年级' });
    child('异动童', '2013-05-05', { 学籍状态: '学籍异动' });
    child('无籍童', '2016-06-06', null);

    const ledger = join(tempDir(), 'ledger.sqlite');
    for (const lang of ['zh', 'en'] as const) {
      const result = await county.reconcile(['--ledger', ledger, '--lang', lang]);
      const sheet = (await readWorkbook(join(result.out, 'report.xlsx'))).getWorksheet(t('ledger.sheet.children', lang))!;
      const standing = new Map<string, string>();
      for (let r = 2; r <= sheet.rowCount; r++) standing.set(String(sheet.getCell(r, 3).value), String(sheet.getCell(r, 8).value));
      expect(Object.fromEntries(standing), lang).toEqual({
        在读童: t('ledger.standing.enrolled', lang),
        休学童: t('ledger.standing.suspended', lang),
        毕业童: t('ledger.standing.completed', lang),
        异动童: t('ledger.standing.unknown', lang),
        无籍童: t('ledger.standing.suspected', lang),
      });
    }
  });
});
