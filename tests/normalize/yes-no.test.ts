import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../src/normalize/index.js';

describe('parseYesNo', () => {
  it.each(['是', '1', '2', 'Y', 'y', 'yes', 'true', 'TRUE', '有', ' 是 '])('%s is yes', (text) => {
    expect(parseYesNo(text, 'left_behind')).toBe(true);
  });

  it.each(['否', '0', '无', 'N', 'n', 'false', 'FALSE', '', '  ', '不是', '非留守'])('%s is no', (text) => {
    expect(parseYesNo(text, 'left_behind')).toBe(false);
  });

  it.each(['视力残疾', '听力残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾', '言语残疾'])('the disability type %s is yes', (text) => {
    expect(parseYesNo(text, 'disabled')).toBe(true);
  });

  it('reads 单亲留守 and 双亲留守 as left behind', () => {
    expect(parseYesNo('单亲留守', 'left_behind')).toBe(true);
    expect(parseYesNo('双亲留守', 'left_behind')).toBe(true);
  });

  it('leaves any other text unread, for every field but disabled', () => {
    expect(parseYesNo('不详', 'parent_incarcerated')).toBe(false);
    expect(parseYesNo('待定', 'parent_incarcerated')).toBeUndefined();
    expect(parseYesNo('待定', 'dropout_flag')).toBeUndefined();
  });
});
