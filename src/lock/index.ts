export { acquireLock, type RunLock } from './run-lock.js';
export { onInterrupt, runInterruptCleanups } from './cleanup.js';
