import { cliMessages } from './messages/cli.js';
import { configMessages } from './messages/config.js';
import { coreMessages } from './messages/core.js';
import { evidenceMessages } from './messages/evidence.js';
import { dashboardMessages } from './messages/dashboard.js';
import { noticesMessages } from './messages/notices.js';
import { vocabMessages } from './messages/vocab.js';
import { reportMessages } from './messages/report.js';
import { schemaMessages } from './messages/schema.js';
import { ioMessages } from './messages/io.js';
import { xlsxMessages } from './messages/xlsx.js';
import { followupMessages } from './messages/followup.js';
import { ledgerMessages } from './messages/ledger.js';
import { lockMessages } from './messages/lock.js';

// Each area keeps its messages in a file of its own under messages/; keys are
// "area.what" so that two areas never collide. Add an area: a file and a line.
export const CATALOGUE = {
  ...coreMessages,
  ...evidenceMessages,
  ...dashboardMessages,
  ...noticesMessages,
  ...vocabMessages,
  ...cliMessages,
  ...configMessages,
  ...reportMessages,
  ...schemaMessages,
  ...ioMessages,
  ...xlsxMessages,
  ...ledgerMessages,
  ...lockMessages,
  ...followupMessages,
} as const;

export type MessageKey = keyof typeof CATALOGUE;
