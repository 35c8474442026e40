import { coreMessages } from './messages/core.js';
import { xlsxMessages } from './messages/xlsx.js';

// Each area keeps its messages in a file of its own under messages/; keys are
// "area.what" so that two areas never collide. Add an area: a file and a line.
export const CATALOGUE = {
  ...coreMessages,
  ...xlsxMessages,
} as const;

export type MessageKey = keyof typeof CATALOGUE;
