export { acquireLock, type RunLock } from './run-lock.js';
export { onInterrupt, removedIfInterrupted, removeNow, runInterruptCleanups } from './cleanup.js';
