import { t, type Lang, type Message } from '../i18n/index.js';

// One error class with a closed set of codes (STYLE 5). Messages read
// "what: where — how to fix" and never contain an ID number or a name.

export type ErrorCode =
  | 'usage' // bad command-line arguments
  | 'config' // the config file is unreadable or invalid
  | 'file_missing' // an input file does not exist
  | 'file_unreadable' // an input file cannot be read (permissions, a directory…)
  | 'file_format' // .xls, unknown extension, binary data, a broken .xlsx
  | 'encoding' // bytes that do not decode in the detected or forced encoding
  | 'schema' // a required field is missing from a file
  | 'output' // the output directory cannot be written (checked first, and every write)
  | 'busy' // another run holds the lock on the same output folder or ledger
  | 'ledger'; // the ledger refuses the run or is damaged (SPEC §8)

/** Codes a user can fix: exit 2, message only, no stack (SPEC §6). */
const USER_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'usage',
  'config',
  'file_missing',
  'file_unreadable',
  'file_format',
  'encoding',
  'schema',
  'output',
  'busy',
  'ledger',
]);

export class RollcallError extends Error {
  readonly code: ErrorCode;
  /** The message as a catalogue key (src/i18n), rendered in the run's language by cli/. */
  readonly text: Message | null;

  /**
   * `message` is a catalogue message (preferred: the CLI shows it in 中文 or English)
   * or, while code is being moved to the catalogue, plain English text.
   */
  constructor(code: ErrorCode, message: Message | string, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : t(message.key, 'en', message.params), options);
    this.name = 'RollcallError';
    this.code = code;
    this.text = typeof message === 'string' ? null : message;
  }

  /** The message in `lang`. */
  render(lang: Lang): string {
    return this.text ? t(this.text.key, lang, this.text.params) : this.message;
  }

  /** SPEC §6: 2 for any usage, config, input or output problem, 1 for anything else. */
  get exitCode(): 1 | 2 {
    return USER_ERRORS.has(this.code) ? 2 : 1;
  }
}
