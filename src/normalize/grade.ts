import { foldText } from './text.js';

const NUMERAL: Readonly<Record<string, number>> = Object.fromEntries(
  [...'一二三四五六七八九'].flatMap((numeral, i) => [
    [numeral, i + 1],
    [String(i + 1), i + 1],
  ]),
);

/**
 * The school year a grade text means: 1–6 primary, 7–9 junior middle (初中), 10–12
 * senior (高中), or null when the text says no grade we know. Accepts 七年级/7年级/7,
 * 小学三年级, 初一…初三, 初中一年级, 高一, a note in brackets (九年级（初三）), and the
 * 学籍系统 grade codes 11–16, 21–23, 31–33.
 */
export function gradeLevel(raw: string): number | null {
  const text = foldText(raw)
    .replace(/\([^)]*\)$/, '')
    .replace(/年级$/, '');
  if (text === '') return null;
  const code = /^([123])([1-6])$/.exec(text);
  if (code) {
    const [stage, year] = [Number(code[1]), Number(code[2])];
    if (stage === 1) return year;
    return year <= 3 ? (stage - 1) * 3 + 3 + year : null;
  }
  const plain = /^(?:小学?)?([一二三四五六七八九1-9])$/.exec(text);
  if (plain) {
    const year = NUMERAL[plain[1]!]!;
    return text.startsWith('小') && year > 6 ? null : year;
  }
  const stage = /^([初高])(?:中)?([一二三123])/.exec(text);
  if (stage) return (stage[1] === '初' ? 6 : 9) + NUMERAL[stage[2]!]!;
  return null;
}

/** SPEC §5 `junior_middle`: grades 7–9 (初中). */
export function isJuniorMiddleGrade(raw: string): boolean {
  const level = gradeLevel(raw);
  return level !== null && level >= 7 && level <= 9;
}
