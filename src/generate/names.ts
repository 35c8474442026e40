import { cumulativeWeights, type Random } from './random.js';

// Names for a synthetic county: surnames by their real frequency in China (per
// mille, rounded), given-name characters common for boys and for girls. All names
// are made up; any resemblance to a real person is chance.

const SURNAMES: readonly [string, number][] = [
  ['王', 71],
  ['李', 70],
  ['张', 68],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['黄', 22],
  ['赵', 20],
  ['吴', 20],
  ['周', 19],
  ['徐', 14],
  ['孙', 14],
  ['马', 13],
  ['朱', 13],
  ['胡', 12],
  ['郭', 11],
  ['何', 11],
  ['高', 11],
  ['林', 10],
  ['罗', 9],
  ['郑', 9],
  ['梁', 8],
  ['谢', 7],
  ['宋', 7],
  ['唐', 6],
  ['许', 6],
  ['韩', 6],
  ['冯', 6],
  ['邓', 6],
  ['曹', 5],
  ['彭', 5],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 5],
  ['袁', 4],
  ['潘', 4],
  ['于', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['余', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['苏', 3],
  ['魏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['姜', 3],
  ['崔', 3],
  ['钟', 3],
  ['谭', 3],
  ['陆', 2],
  ['汪', 2],
  ['范', 2],
  ['金', 2],
  ['石', 2],
  ['廖', 2],
  ['贾', 2],
  ['夏', 2],
  ['韦', 2],
  ['付', 2],
  ['方', 2],
  ['白', 2],
  ['邹', 2],
  ['孟', 2],
  ['熊', 2],
  ['秦', 2],
  ['邱', 2],
  ['江', 2],
  ['尹', 2],
  ['薛', 2],
  ['闫', 2],
  ['段', 2],
  ['雷', 2],
  ['侯', 2],
  ['龙', 2],
  ['史', 2],
  ['陶', 1],
  ['黎', 1],
  ['贺', 1],
  ['顾', 1],
  ['毛', 1],
  ['郝', 1],
  ['龚', 1],
  ['邵', 1],
  ['万', 1],
  ['钱', 1],
  ['严', 1],
  ['武', 1],
  ['戴', 1],
  ['莫', 1],
  ['孔', 1],
  ['向', 1],
  ['汤', 1],
  ['欧阳', 1],
];
const SURNAME_LIST = SURNAMES.map(([surname]) => surname);
const SURNAME_WEIGHTS = cumulativeWeights(SURNAMES.map(([, weight]) => weight));

const BOY = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志峰亮成东海文斌博晨轩睿泽子豪宏康鸿';
const GIRL = '芳娜敏静丽艳娟霞秀英华慧巧美淑惠珠翠雅芝玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛瑶怡佳琪欣悦涵';

export function surname(random: Random): string {
  return random.pickWeighted(SURNAME_LIST, SURNAME_WEIGHTS);
}

export function givenName(random: Random, gender: 'M' | 'F'): string {
  const pool = gender === 'M' ? BOY : GIRL;
  const first = pool[random.int(0, pool.length - 1)]!;
  return random.chance(0.3) ? first : first + pool[random.int(0, pool.length - 1)]!;
}

export function fullName(random: Random, gender: 'M' | 'F', familyName?: string): string {
  return (familyName ?? surname(random)) + givenName(random, gender);
}

/**
 * Characters whose traditional form converts back to exactly this simplified one,
 * for the "traditional characters" distractor.
 */
export const TRADITIONAL: Readonly<Record<string, string>> = {
  张: '張',
  陈: '陳',
  刘: '劉',
  杨: '楊',
  黄: '黃',
  赵: '趙',
  吴: '吳',
  孙: '孫',
  马: '馬',
  郑: '鄭',
  伟: '偉',
  华: '華',
  丽: '麗',
  军: '軍',
  红: '紅',
  东: '東',
  龙: '龍',
  凤: '鳳',
  国: '國',
  杰: '傑',
  强: '強',
  刚: '剛',
  涛: '濤',
  辉: '輝',
  鹏: '鵬',
  飞: '飛',
  静: '靜',
  洁: '潔',
  云: '雲',
  莲: '蓮',
};

export function traditionalVariant(name: string): string | null {
  const converted = [...name].map((ch) => TRADITIONAL[ch] ?? ch).join('');
  return converted === name ? null : converted;
}

/** Uyghur-style names written with a separator dot between given name and father's name. */
const MINORITY_FIRST = ['阿依古丽', '古丽娜尔', '买买提', '艾力', '阿不都', '热依拉', '努尔', '迪丽', '帕提古丽', '吐尔逊'];
const MINORITY_LAST = ['买买提', '吐尔逊', '艾山', '阿不都', '依明', '卡德尔', '司马义', '热合曼'];

export function minorityName(random: Random): string {
  return `${random.pick(MINORITY_FIRST)}·${random.pick(MINORITY_LAST)}`;
}

/** The separators a minority name may be written with in another export. */
export const OTHER_DOTS = ['.', '•', '．', '・'] as const;

/** Pairs of characters with one toneless reading, for homophone (weak match) cases. */
const HOMOPHONES: readonly [string, string][] = [
  ['伟', '玮'],
  ['伟', '维'],
  ['丽', '莉'],
  ['静', '婧'],
  ['杰', '洁'],
  ['明', '铭'],
  ['涛', '滔'],
  ['华', '桦'],
  ['强', '墙'],
  ['军', '君'],
  ['红', '宏'],
  ['娜', '纳'],
  ['敏', '闽'],
  ['芳', '方'],
  ['磊', '垒'],
  ['勇', '永'],
];

/** The name with one given-name character replaced by a homophone, or null when none fits. */
export function homophoneVariant(name: string, random: Random): string | null {
  const chars = [...name];
  const options: [number, string][] = [];
  for (let i = 1; i < chars.length; i++) {
    for (const [a, b] of HOMOPHONES) {
      if (chars[i] === a) options.push([i, b]);
      if (chars[i] === b) options.push([i, a]);
    }
  }
  if (options.length === 0) return null;
  const [position, replacement] = random.pick(options);
  chars[position] = replacement;
  return chars.join('');
}

/**
 * Surnames that differ only by a retroflex initial (zh/z, ch/c, sh/s): NOT alike
 * by SPEC §2 (toneless pinyin must be identical), but alike to a sloppy reading,
 * as many southern speakers say them. The near-homophone distractor uses them so
 * that the accuracy gate fails when the sound-alike key blurs them (issue #9).
 */
const RETROFLEX_SURNAMES: Readonly<Record<string, string>> = { 周: '邹', 陈: '岑', 张: '臧', 郑: '曾', 苏: '舒', 施: '司', 朱: '祖' };

export function retroflexVariant(name: string): string | null {
  const swapped = RETROFLEX_SURNAMES[name.slice(0, 1)];
  return swapped ? swapped + name.slice(1) : null;
}
