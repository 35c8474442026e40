import type { Text } from '../index.js';

/** Messages about the exports' vocabulary: status columns and values (SPEC §1, §2), shown by `inspect`. */
export const vocabMessages = {
  'vocab.label_school_status': { zh: '在校生状况', en: 'school status' },
  'vocab.label_not_in_school_reason': { zh: '未上学原因', en: 'not-in-school reason' },
  'vocab.everyone_living': {
    zh: '无户籍状态列：文件中的每个人都按在世（正常）计（常住人口视图）。死亡、迁出的人不应在此文件中',
    en: 'no status column: everyone in this file counts as living (a 常住人口 view). People who died or moved away must not be in it',
  },
  'vocab.unknown_school_statuses': {
    zh: '在校生状况不在任何列表中：{values}',
    en: '在校生状况 values in no list: {values}',
  },
  'vocab.unknown_school_statuses_hint': {
    zh: '——这些成员不算非在校；如需更正，请把这些值加入配置文件 "statuses" 的 povertyOutOfSchool 或 povertyInSchool',
    en: '— such members do not count as out of school; add them to povertyOutOfSchool or povertyInSchool ("statuses" in the config)',
  },
  'vocab.out_of_school_by_reason': {
    zh: '{count} 名成员仅因“未上学原因”一栏有内容而计为非在校',
    en: '{count} members count as out of school by their 未上学原因 (not-in-school reason) alone',
  },
} satisfies Record<string, Text>;
