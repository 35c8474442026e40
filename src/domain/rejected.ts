import type { Message } from '../i18n/index.js';
import type { SourceName } from './fields.js';

/** Why an input row could not be used (SPEC §7 `rejected.csv`). */
export type RejectReason =
  | 'blank_row' // an empty line or a row of empty cells between records
  | 'field_count' // more or fewer fields than the header
  | 'unclosed_quote' // a quote opened and never closed
  | 'broken_quotes' // quotes that swallow line breaks and leave a malformed record
  | 'repeated_header' // the header again, as when two exports are pasted together
  | 'no_identity'; // nothing to identify a person by: no ID, no name (no student number)

export interface RejectedRow {
  readonly source: SourceName;
  readonly file: string;
  readonly row: number;
  readonly reason: RejectReason;
  /** For the clerk, rendered in the run's language (rejected.csv); never the row's content (it may hold a name or an ID). */
  readonly detail: Message;
}
