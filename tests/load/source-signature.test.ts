import { describe, expect, it } from 'vitest';
import type { RollcallError } from '../../src/domain/index.js';
import { runRollcall } from '../helpers/cli.js';
import { join, tempDir, writeCsv } from '../helpers/files.js';
import { makeId } from '../helpers/ids.js';
import { loadFile } from '../helpers/load.js';

const ID = makeId('341324', '20150305', 121);

async function errorOf(promise: Promise<unknown>): Promise<RollcallError> {
  try {
    await promise;
  } catch (error) {
    return error as RollcallError;
  }
  throw new Error('expected an error');
}

describe('a file whose headers belong to another source (SPEC §6, issue #12)', () => {
  it('names a household register given as --registry, and the option it belongs to', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'hh.csv'), [
      ['户号', '姓名', '与户主关系', '身份证号', '户籍状态'],
      ['001', '张伟', '子', ID, '正常'],
    ]);
    const error = await errorOf(loadFile('registry', file));
    expect(error.code).toBe('schema');
    expect(error.exitCode).toBe(2);
    expect(error.render('zh')).toBe(
      `${file}：这个文件的表头（户号, 与户主关系）看起来是户籍人口库导出，不是学籍系统导出——是不是把文件给错了选项？户籍人口库导出请用 --household 指定`,
    );
    expect(error.render('en')).toContain('look like a household register export, not a student registry export');
  });

  it('names a registry given as --household, and a poverty roll given as --registry', async () => {
    const dir = tempDir();
    const poverty = writeCsv(join(dir, 'p.csv'), [
      ['户编号', '成员姓名', '证件号码', '与户主关系', '在校生状况'],
      ['1', '张伟', ID, '子', '非在校生'],
    ]);
    expect((await errorOf(loadFile('registry', poverty))).render('zh')).toContain('看起来是建档立卡/防返贫监测对象');
    const registry = writeCsv(join(dir, 'r.csv'), [
      ['全国学籍号', '姓名', '学籍状态', '学校名称'],
      ['G1', '张伟', '在读', '城关小学'],
    ]);
    expect((await errorOf(loadFile('household', registry))).render('en')).toContain(
      '(全国学籍号, 学籍状态) look like a student registry export',
    );
  });

  it('refuses a check-in roster given as --poverty (it would silently check nobody out of school)', async () => {
    const dir = tempDir();
    const roster = writeCsv(join(dir, 'roster.csv'), [
      ['学校标识码', '学校名称', '全国学籍号', '姓名', '身份证号'],
      ['2134000001', '城关小学', 'G1', '张伟', ID],
    ]);
    const error = await errorOf(loadFile('poverty', roster));
    expect(error.render('zh')).toContain('看起来是开学报到名单，不是建档立卡/防返贫监测对象');
    expect(error.render('zh')).toContain('--attendance');
    // The demo's own roster as --poverty stops the run, exit 2.
    const result = await runRollcall([
      'reconcile',
      '--registry',
      'fixtures/demo/registry.xlsx',
      '--household',
      'fixtures/demo/household.csv',
      '--poverty',
      'fixtures/demo/attendance.csv',
      '--out',
      join(dir, 'out'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('开学报到名单');
  });

  it('still reads a plain poverty member list (name and ID only) and a roster with 报到 headers as what it is', async () => {
    const dir = tempDir();
    const plain = writeCsv(join(dir, 'p.csv'), [
      ['姓名', '身份证号'],
      ['张伟', ID],
    ]);
    expect((await loadFile('poverty', plain)).rowsAccepted).toBe(1);
    const roster = writeCsv(join(dir, 'a.csv'), [
      ['学籍号', '报到日期'],
      ['G1', '2026-09-01'],
    ]);
    expect((await loadFile('attendance', roster)).rowsAccepted).toBe(1);
    const asPoverty = writeCsv(join(dir, 'ap.csv'), [
      ['姓名', '身份证号', '报到日期'],
      ['张伟', ID, '2026-09-01'],
    ]);
    expect((await errorOf(loadFile('poverty', asPoverty))).render('en')).toContain('(报到日期) look like a school check-in roster');
  });
});

describe('a registry without its status column is a registry missing a field, not a roster (SPEC §1)', () => {
  const FULL = ['学校标识码', '学校名称', '年级', '姓名', '性别', '出生日期', '身份证件类型', '身份证号', '全国学籍号', '是否留守儿童'];
  const row = ['2134000001', '城关小学', '三年级', '张伟', '男', '2015-03-05', '居民身份证', ID, 'G1', '否'];

  it.each([
    ['no status column', FULL, row],
    [
      'a status column under a name no field reads (学籍状态名称)',
      ['全国学籍号', '姓名', '身份证号', '学校名称', '学籍状态名称'],
      ['G1', '张伟', ID, '城关小学', '在读'],
    ],
  ])('%s: the missing-field message naming status and its config key', async (_what, header, cells) => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'r.csv'), [header, cells]);
    const error = await errorOf(loadFile('registry', file));
    expect(error.code).toBe('schema');
    expect(error.render('en')).toContain('required field "status"');
    expect(error.render('en')).toContain('sources.registry.columns.status');
    expect(error.render('zh')).toContain('学籍系统导出文件（表头在第 1 行）缺少一个必需字段');
    expect(error.render('zh')).not.toContain('开学报到名单');
  });

  it('is still named a registry when given as --poverty or --household', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'r.csv'), [FULL, row]);
    expect((await errorOf(loadFile('poverty', file))).render('zh')).toContain('看起来是学籍系统导出，不是建档立卡/防返贫监测对象');
    expect((await errorOf(loadFile('household', file))).render('en')).toContain(
      '(全国学籍号, 身份证件类型, 是否留守儿童) look like a student registry export',
    );
  });

  it('a roster (student number, school, name, ID) given as --registry is still named a roster', async () => {
    const dir = tempDir();
    const roster = writeCsv(join(dir, 'roster.csv'), [
      ['学校标识码', '学校名称', '全国学籍号', '姓名', '身份证号'],
      ['2134000001', '城关小学', 'G1', '张伟', ID],
    ]);
    expect((await errorOf(loadFile('registry', roster))).render('zh')).toContain('看起来是开学报到名单，不是学籍系统导出');
  });
});
