import { describe, expect, it } from 'vitest';
import { SourceRecord, type StatusKind } from '../../src/domain/index.js';
import { RecordTable } from '../../src/load/index.js';
import { GuardianFinder, relationKind } from '../../src/link/index.js';

const AS_OF = 20260920;

interface Member {
  name: string;
  relation: string;
  /** yyyymmdd; 0 = not known */
  birth: number;
  status?: StatusKind;
  household?: string;
}

/** A household register of the members given, in columns as a real run keeps it. */
function register(members: Member[]): { table: RecordTable; finder: GuardianFinder } {
  const records = members.map((member, i) => {
    const record = new SourceRecord('household', i + 2);
    record.name = member.name;
    record.nameRaw = member.name;
    record.relation = member.relation;
    record.birthDate = member.birth;
    record.statusKind = member.status ?? 'living';
    record.householdNo = member.household ?? 'H1';
    record.village = '前进村';
    return record;
  });
  const table = RecordTable.of('household', records);
  return { table, finder: new GuardianFinder(table, AS_OF) };
}

/** The guardians of the member called `child`. */
function guardiansOf(members: Member[], child: string) {
  const { table, finder } = register(members);
  const t = members.findIndex((member) => member.name === child);
  return finder.guardiansOf(table.at(t));
}

const head = (relation = '户主', extra: Partial<Member> = {}): Member => ({ name: '王父', relation, birth: 19800101, ...extra });
const spouse = (relation = '配偶', extra: Partial<Member> = {}): Member => ({ name: '李母', relation, birth: 19820101, ...extra });
const kid = (relation: string, extra: Partial<Member> = {}): Member => ({ name: '王小', relation, birth: 20150101, ...extra });

describe('relationKind (SPEC §11, GB/T 4761 texts and codes)', () => {
  it.each([
    ['户主', 'head'],
    ['01', 'head'],
    ['02', 'head'],
    ['配偶', 'spouse'],
    ['妻', 'spouse'],
    ['夫', 'spouse'],
    ['妻子', 'spouse'],
    ['丈夫', 'spouse'],
    ['10', 'spouse'],
    ['子', 'child'],
    ['女', 'child'],
    ['儿子', 'child'],
    ['女儿', 'child'],
    ['长子', 'child'],
    ['次女', 'child'],
    ['独生子', 'child'],
    ['养女或继女', 'child'],
    ['20', 'child'],
    ['32', 'child'],
    ['女婿', 'child_in_law'],
    ['儿媳', 'child_in_law'],
    ['28', 'child_in_law'],
    ['38', 'child_in_law'],
    ['孙子', 'grandchild'],
    ['孙女', 'grandchild'],
    ['外孙', 'grandchild'],
    ['外孙子', 'grandchild'],
    ['外孙女', 'grandchild'],
    ['孙', 'grandchild'],
    ['41', 'grandchild'],
    ['曾孙子', 'other'],
    ['父母', 'other'],
    ['侄子', 'other'],
    ['其他', 'other'],
    ['', 'other'],
  ])('%s → %s', (text, kind) => {
    expect(relationKind(text)).toBe(kind);
  });
});

describe('GuardianFinder (SPEC §11)', () => {
  it.each(['子', '女', '儿子', '女儿', '长子', '次女', '独生女', '养子', '20', '30'])(
    'a child (%s): the head and the spouse, head first',
    (relation) => {
      expect(guardiansOf([kid(relation), spouse(), head()], '王小')).toEqual({
        status: 'found',
        names: ['王父', '李母'],
        household_no: 'H1',
        village: '前进村',
      });
    },
  );

  it.each(['妻', '夫', '妻子', '丈夫', '11', '12'])('the spouse written as %s', (relation) => {
    expect(guardiansOf([head(), spouse(relation), kid('子')], '王小').names).toEqual(['王父', '李母']);
  });

  it.each(['孙子', '孙女', '外孙', '外孙子', '外孙女', '41'])("a grandchild (%s): the head's children and children-in-law", (relation) => {
    const members = [
      { name: '王祖', relation: '户主', birth: 19550101 },
      { name: '张祖母', relation: '配偶', birth: 19560101 },
      { name: '王父', relation: '子', birth: 19800101 },
      { name: '李母', relation: '儿媳', birth: 19820101 },
      { name: '王姑', relation: '女', birth: 19840101 },
      { name: '赵姑父', relation: '女婿', birth: 19830101 },
      { name: '王小', relation, birth: 20150101 },
    ];
    expect(guardiansOf(members, '王小').names).toEqual(['王父', '李母', '王姑', '赵姑父']);
  });

  it('a grandchild whose parents the register does not show: the head', () => {
    const members = [
      { name: '王祖', relation: '户主', birth: 19550101 },
      { name: '张祖母', relation: '配偶', birth: 19560101 },
      kid('孙子'),
    ];
    expect(guardiansOf(members, '王小').names).toEqual(['王祖']);
  });

  it('a grandchild whose parents have moved out: the head', () => {
    const members = [
      { name: '王祖', relation: '户主', birth: 19550101 },
      { name: '王父', relation: '子', birth: 19800101, status: 'gone' as const },
      kid('孙女'),
    ];
    expect(guardiansOf(members, '王小')).toMatchObject({ status: 'found', names: ['王祖'] });
  });

  it('a minor sibling of the parent is no guardian of a grandchild', () => {
    const members = [{ name: '王祖', relation: '户主', birth: 19700101 }, { name: '王叔', relation: '子', birth: 20100101 }, kid('孙子')];
    expect(guardiansOf(members, '王小').names).toEqual(['王祖']);
  });

  it.each(['配偶', '儿媳', '女婿', '其他', '侄子', '外甥', '父母', '曾孙子', ''])('anyone else (%s): the head', (relation) => {
    expect(guardiansOf([head(), spouse(), kid(relation)], '王小')).toMatchObject({ status: 'found', names: ['王父'] });
  });

  it.each(['孙子', '其他', '侄女'])("a %s whose head is dead: the head's spouse, who heads the household now", (relation) => {
    const members = [
      { name: '王祖', relation: '户主', birth: 19500101, status: 'deceased' as const },
      { name: '宋祖母', relation: '配偶', birth: 19560101 },
      kid(relation),
    ];
    expect(guardiansOf(members, '王小')).toMatchObject({ status: 'found', names: ['宋祖母'] });
  });

  it('a spouse is not their own guardian when the head is dead', () => {
    expect(
      guardiansOf([head('户主', { status: 'deceased' }), kid('配偶'), { name: '王叔', relation: '父母', birth: 19600101 }], '王小'),
    ).toMatchObject({
      status: 'not_determined',
    });
  });

  it('a dead or moved-out parent is not named; the other one is', () => {
    expect(guardiansOf([head('户主', { status: 'deceased' }), spouse(), kid('子')], '王小').names).toEqual(['李母']);
    expect(guardiansOf([head(), spouse('配偶', { status: 'gone' }), kid('女')], '王小').names).toEqual(['王父']);
    // A status in no list counts as not living (SPEC §6 inspect note).
    expect(guardiansOf([head(), spouse('配偶', { status: 'unknown' }), kid('女')], '王小').names).toEqual(['王父']);
  });

  it('an adult is 18 on the as-of day', () => {
    expect(guardiansOf([head('户主', { birth: 20080920 }), kid('子')], '王小')).toMatchObject({ status: 'found', names: ['王父'] });
    expect(guardiansOf([head('户主', { birth: 20080921 }), kid('子')], '王小')).toMatchObject({ status: 'no_living_adult', names: [] });
  });

  it('a member with no birth date counts as an adult', () => {
    expect(guardiansOf([head('户主', { birth: 0 }), kid('子')], '王小').names).toEqual(['王父']);
  });

  it('no living adult in the household: none named, and the status says why', () => {
    const members = [
      head('户主', { status: 'deceased' }),
      spouse('配偶', { status: 'gone' }),
      kid('子'),
      { name: '王兄', relation: '子', birth: 20100101 },
    ];
    expect(guardiansOf(members, '王小')).toEqual({ status: 'no_living_adult', names: [], household_no: 'H1', village: '前进村' });
  });

  it('living adults, but none a guardian by relation: not determined', () => {
    const members = [head('户主', { status: 'deceased' }), kid('子'), { name: '王兄', relation: '子', birth: 20000101 }];
    expect(guardiansOf(members, '王小')).toMatchObject({ status: 'not_determined', names: [] });
    // A child who is the head of the household is not their own guardian.
    expect(guardiansOf([kid('户主'), { name: '王姐', relation: '妹妹', birth: 20000101 }], '王小')).toMatchObject({
      status: 'not_determined',
    });
  });

  it("only the child's own household counts", () => {
    const members = [head('户主', { household: 'H2' }), spouse('配偶', { household: 'H2' }), kid('子')];
    expect(guardiansOf(members, '王小')).toMatchObject({ status: 'no_living_adult', household_no: 'H1' });
  });

  it('a child in no household: none named', () => {
    const { finder } = register([head()]);
    expect(finder.guardiansOf(null, '东村')).toEqual({ status: 'no_household', names: [], household_no: '', village: '东村' });
    const { table, finder: other } = register([head(), kid('子', { household: '' })]);
    expect(other.guardiansOf(table.at(1))).toMatchObject({ status: 'no_household' });
  });

  it('a name as the register writes it, even a hostile one', () => {
    const hostile = '=HYPERLINK("http://x","y")<&>';
    expect(guardiansOf([head('户主', { name: hostile }), kid('子')], '王小').names).toEqual([hostile]);
  });
});
