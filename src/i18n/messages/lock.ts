import type { Text } from '../index.js';

/** SPEC §8: one run at a time. */
export const lockMessages = {
  'lock.busy': {
    zh: '{target} 正在被另一个 rollcall 进程使用（进程号 {pid}，{host}，开始于 {started}）——请等它结束后再运行；若确认该进程已不存在，可删除同目录下的 .lock 文件',
    en: '{target} is in use by another rollcall process (pid {pid} on {host}, started {started}) — wait until it ends; if that process is surely gone, delete the .lock file beside it',
  },
  'lock.contended': {
    zh: '{target}：多个进程同时在抢锁——请稍后再运行',
    en: '{target}: several processes are taking the lock at once — run again in a moment',
  },
} satisfies Record<string, Text>;
