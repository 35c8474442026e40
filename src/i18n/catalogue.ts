import { coreMessages } from './messages/core.js';
import { followupMessages } from './messages/followup.js';
import { ledgerMessages } from './messages/ledger.js';
import { lockMessages } from './messages/lock.js';

// Each area keeps its messages in a file of its own under messages/; keys are
// "area.what" so that two areas never collide. Add an area: a file and a line.
export const CATALOGUE = {
  ...coreMessages,
  ...ledgerMessages,
  ...lockMessages,
  ...followupMessages,
} as const;

export type MessageKey = keyof typeof CATALOGUE;
