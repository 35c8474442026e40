import type { Case, Flag } from '../domain/index.js';

/**
 * The order clerks work a list in (issue #5): focus groups first (poverty,
 * disabled, left behind, parent incarcerated, migrant — a case ranks by the first
 * it has), then 初中, then township, school and name in pinyin order.
 */
const FOCUS_ORDER: readonly Flag[] = ['poverty', 'disabled', 'left_behind', 'parent_incarcerated', 'migrant'];
const collator = new Intl.Collator('zh-Hans-CN');

export function priorityOrder(cases: readonly Case[]): number[] {
  const focusRank = (c: Case) => {
    const rank = FOCUS_ORDER.findIndex((flag) => c.flags.includes(flag));
    return rank < 0 ? FOCUS_ORDER.length : rank;
  };
  return cases
    .map((_, i) => i)
    .sort((a, b) => {
      const [x, y] = [cases[a]!, cases[b]!];
      return (
        focusRank(x) - focusRank(y) ||
        Number(y.flags.includes('junior_middle')) - Number(x.flags.includes('junior_middle')) ||
        collator.compare(x.township, y.township) ||
        collator.compare(x.school, y.school) ||
        collator.compare(x.person.name, y.person.name) ||
        (x.case_id < y.case_id ? -1 : x.case_id > y.case_id ? 1 : 0)
      );
    });
}
