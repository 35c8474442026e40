import { describe, expect, it } from 'vitest';
import { packFileName, packFileNames } from '../../src/followup/index.js';

describe('pack file names are safe on Windows (SPEC §9)', () => {
  it.each([
    ['城关镇', '城关镇'],
    ['城关镇/东区', '城关镇_东区'],
    ['a\\b:c*d?e"f<g>h|i', 'a_b_c_d_e_f_g_h_i'],
    ['  第一中学. ', '第一中学'],
    ['CON', '_CON'],
    ['lpt1', '_lpt1'],
    ['tab\there', 'tab_here'],
    ['', '未填乡镇'],
    ['   ', '未填乡镇'],
    ['...', '未填乡镇'],
  ])('%j → %j', (name, file) => {
    expect(packFileName(name, '未填乡镇')).toBe(file);
  });

  it('cuts a very long name', () => {
    expect([...packFileName('长'.repeat(200), '未填学校')]).toHaveLength(80);
  });

  it('two units never share a file (Windows ignores case)', () => {
    const files = packFileNames(['a/b', 'a_b', 'School', 'school', ''], '未填学校');
    expect([...files.values()]).toEqual(['a_b', 'a_b-2', 'School', 'school-2', '未填学校']);
  });
});
