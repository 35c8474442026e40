import { describe, expect, it } from 'vitest';
import { compareNames, normalizeName, soundKey } from '../../src/normalize/index.js';

describe('normalizeName', () => {
  it.each([
    ['张伟', '张伟'],
    ['張偉', '张伟'],
    ['歐陽鋒', '欧阳锋'],
    ['劉曉東', '刘晓东'],
    [' 张 伟 ', '张伟'],
    ['张\u3000伟', '张伟'],
    ['张\t伟', '张伟'],
    ['ｊｏｈｎ', 'JOHN'],
    ['John Smith', 'JOHNSMITH'],
    ['ＡＢＣ张', 'ABC张'],
    ['', ''],
  ])('%s → %s', (raw, normalized) => {
    expect(normalizeName(raw)).toBe(normalized);
  });

  it.each(['·', '•', '・', '･', '.', '．', '‧', '∙', '⋅'])('folds the separator %s into ·', (dot) => {
    expect(normalizeName(`阿依古丽${dot}买买提`)).toBe('阿依古丽·买买提');
  });

  it('folds separators and traditional characters together', () => {
    expect(normalizeName('阿依古麗．買買提')).toBe('阿依古丽·买买提');
  });
});

describe('sound-alike names', () => {
  it('gives homophones one key', () => {
    expect(soundKey('张伟')).toBe('zhang wei');
    expect(soundKey('张玮')).toBe('zhang wei');
  });

  it('leaves separators out of the key', () => {
    expect(soundKey('阿依古丽·买买提')).toBe(soundKey('阿依古丽买买提'));
  });

  it('reads a surname as a surname', () => {
    expect(soundKey('单田芳')).toBe('shan tian fang');
  });

  it.each([
    ['张伟', '张伟', 'equal'],
    ['张伟', '张玮', 'sound_alike'],
    ['张伟', '章伟', 'sound_alike'],
    ['张伟', '李伟', 'different'],
    ['张伟', '', 'different'],
    ['张西安', '张先', 'different'], // zhang xi an / zhang xian: a syllable a character
    ['阿依古丽·买买提', '阿依古丽买买提', 'sound_alike'],
  ] as const)('%s / %s: %s', (a, b, agreement) => {
    expect(compareNames(a, b)).toBe(agreement);
  });
});
