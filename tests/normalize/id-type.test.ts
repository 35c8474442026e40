import { describe, expect, it } from 'vitest';
import { isResidentIdType } from '../../src/normalize/index.js';

describe('isResidentIdType', () => {
  it.each(['', '1', '居民身份证', '中华人民共和国居民身份证', ' 居民身份证 ', '身份证'])('%s is a resident ID card', (text) => {
    expect(isResidentIdType(text)).toBe(true);
  });

  it.each(['护照', 'Z', '其他', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '香港特区护照/身份证明', '香港居民身份证', '出生证明'])(
    '%s is another document',
    (text) => {
      expect(isResidentIdType(text)).toBe(false);
    },
  );
});
