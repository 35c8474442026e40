import { ageOn, type CaseGuardians, type SourceRecord } from '../domain/index.js';
import type { People } from './people-index.js';

/** What 与户主关系 says a person is to the head of the household (SPEC §11). */
export type RelationKind = 'head' | 'spouse' | 'child' | 'child_in_law' | 'grandchild' | 'other';

/**
 * The texts and GB/T 4761-2008 家庭关系代码 the household register writes. Exports
 * carry the text or the two-digit code; 28 女婿 and 38 儿媳 sit in the code ranges of
 * sons and daughters but are children-in-law. 曾孙 (great-grandchildren), parents,
 * siblings and everyone else are `other`: their guardian is the head.
 */
const RELATION_KINDS: ReadonlyMap<string, RelationKind> = new Map<string, RelationKind>([
  ...words('head', '户主 本人 01 02'),
  ...words('spouse', '配偶 妻 夫 妻子 丈夫 老婆 老公 10 11 12'),
  ...words(
    'child',
    '子 女 儿子 女儿 长子 次子 三子 四子 五子 独生子 长女 次女 三女 四女 五女 独生女 养子 继子 养女 继女 养子或继子 养女或继女 ' +
      '其他儿子 其他女儿 20 21 22 23 24 25 26 27 29 30 31 32 33 34 35 36 37 39',
  ),
  ...words('child_in_law', '女婿 儿媳 儿媳妇 媳妇 28 38'),
  ...words('grandchild', '孙 孙子 孙女 外孙 外孙子 外孙女 孙子女 外孙子女 40 41 42 43 44 49'),
]);

function words(kind: RelationKind, list: string): [string, RelationKind][] {
  return list.split(' ').map((word) => [word, kind]);
}

/** The kind of a relation text (already folded: NFKC, no white space). */
export function relationKind(relation: string): RelationKind {
  return RELATION_KINDS.get(relation) ?? 'other';
}

/** SPEC §11: an adult is 18 or older on the as-of day (the day the notice is served). */
const ADULT_AGE = 18;

/**
 * Finds a child's guardians in the household register (SPEC §11) through 户号 and
 * 与户主关系. The index 户号 → people is built on the first question, once a run.
 */
export class GuardianFinder {
  private byHousehold: Map<string, number[]> | null = null;
  private wanted: ReadonlySet<string> | null = null;

  constructor(
    private readonly people: People,
    private readonly asOf: number,
  ) {}

  /**
   * `child` is the child's own household record (a record of `people`), or null when
   * the child was linked to nobody in the household register; `village` is the
   * village the case knows otherwise.
   */
  guardiansOf(child: SourceRecord | null, village = ''): CaseGuardians {
    if (child?.source !== 'household' || child.householdNo === '') {
      return { status: 'no_household', names: [], household_no: child?.householdNo ?? '', village: child?.village || village };
    }
    // The child is one of the members: the same row (columns first, a record only for a namesake).
    const isChild = (t: number) => this.people.name(t) === child.name && this.people.at(t).row === child.row;
    const members = (this.index().get(child.householdNo) ?? []).filter((t) => !isChild(t));
    const adults = members.filter((t) => this.isLivingAdult(t));
    const household = { household_no: child.householdNo, village: child.village || village };
    if (adults.length === 0) return { status: 'no_living_adult', names: [], ...household };

    const of = (...kinds: RelationKind[]) => adults.filter((t) => kinds.includes(relationKind(this.people.relation(t))));
    const kind = relationKind(child.relation);
    let guardians: number[];
    // "The head" is the head, or, when the head is dead or gone and the register not yet
    // changed, the head's spouse, who now heads the household (docs/DECISIONS.md).
    const head = () => (of('head').length > 0 ? of('head') : of('spouse'));
    if (kind === 'child') guardians = [...of('head'), ...of('spouse')];
    else if (kind === 'grandchild') {
      // The parents are the head's children or children-in-law, when the register shows them.
      guardians = of('child', 'child_in_law');
      if (guardians.length === 0) guardians = head();
    } else if (kind === 'spouse') guardians = of('head');
    else guardians = head();
    if (guardians.length === 0) return { status: 'not_determined', names: [], ...household };
    const names = [...new Set(guardians.map((t) => this.people.at(t).nameRaw))];
    return { status: 'found', names, ...household };
  }

  private isLivingAdult(t: number): boolean {
    if (this.people.statusKind(t) !== 'living') return false;
    const birth = this.people.birth(t);
    // No birth date at all: the register still lists them as a member; a head or spouse without one is an adult.
    return birth === 0 || ageOn(birth, this.asOf) >= ADULT_AGE;
  }

  /**
   * Only these households will be asked about (the cases' own): the index then keeps
   * their members alone, not a million people's (a few thousand cases at county scale).
   */
  onlyHouseholds(householdNos: Iterable<string>): this {
    this.wanted = new Set(householdNos);
    this.byHousehold = null;
    return this;
  }

  private index(): Map<string, number[]> {
    if (this.byHousehold) return this.byHousehold;
    const index = new Map<string, number[]>();
    const wanted = this.wanted;
    for (let t = 0; t < this.people.length; t++) {
      const no = this.people.householdNo(t);
      if (no === '' || (wanted && !wanted.has(no))) continue;
      const list = index.get(no);
      if (list) list.push(t);
      else index.set(no, [t]);
    }
    this.byHousehold = index;
    return index;
  }
}
