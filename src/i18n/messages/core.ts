import type { Text } from '../index.js';

/** Messages of the command line as a whole. */
export const coreMessages = {
  'core.unexpected': {
    zh: '意外错误——请把下面的堆栈信息报告给维护人员',
    en: 'unexpected error — please report it with the stack below',
  },
} satisfies Record<string, Text>;
