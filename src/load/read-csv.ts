import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Encoding } from '../config/index.js';
import { RollcallError } from '../domain/index.js';
import { CsvTokenizer, detectDelimiter } from './csv-tokenizer.js';
import { detectEncoding } from './encoding.js';
import { LineDecoder, LineError, lineNumberAt, MAX_LINE_BYTES, type LineProblem } from './line-decoder.js';
import type { MessageKey } from '../i18n/index.js';
import type { ProgressCallback, RowSink } from './rows.js';

const SAMPLE_BYTES = 1 << 16;
const CHUNK_BYTES = 1 << 20;

/**
 * Streams a CSV file into `sink`; memory stays at one chunk plus what the sink keeps.
 * Bytes are cut into whole lines before they are decoded (line-decoder.ts), so that
 * every encoding problem names its line and a file cut short is told from a damaged one.
 */
export async function readCsvRows(
  file: string,
  forcedEncoding: Encoding | null,
  sink: RowSink,
  onProgress?: ProgressCallback,
): Promise<void> {
  try {
    await streamCsvRows(file, forcedEncoding, sink, onProgress);
  } catch (error) {
    if (!(error instanceof LineError)) throw error;
    const line = await lineNumberAt(file, error.offset, error.problem === 'cut_short_quote' || error.problem === 'cut_short_row');
    const problem = LINE_PROBLEMS[error.problem];
    throw new RollcallError(problem.code, { key: problem.key, params: { file, line, limit: `${MAX_LINE_BYTES / (1 << 20)} MB` } });
  }
}

const LINE_PROBLEMS: Readonly<
  Record<LineProblem | 'cut_short_quote' | 'cut_short_row', { code: 'encoding' | 'file_format'; key: MessageKey }>
> = {
  not_utf8: { code: 'encoding', key: 'io.not_utf8_line' },
  not_gb18030: { code: 'encoding', key: 'io.not_gb18030_line' },
  utf8_in_gb18030: { code: 'encoding', key: 'io.utf8_line_in_gb18030' },
  cut_short_char: { code: 'file_format', key: 'io.csv_cut_short_char' },
  cut_short_quote: { code: 'file_format', key: 'io.csv_cut_short_quote' },
  cut_short_row: { code: 'file_format', key: 'io.csv_cut_short_row' },
  line_too_long: { code: 'file_format', key: 'io.line_too_long' },
};

async function streamCsvRows(file: string, forcedEncoding: Encoding | null, sink: RowSink, onProgress?: ProgressCallback): Promise<void> {
  const { sample, size } = await readSample(file);
  const encoding = forcedEncoding ?? detectEncoding(sample, file);
  const lines = new LineDecoder(encoding);
  let tokenizer: CsvTokenizer | null = null;
  let bytesRead = 0;

  const startTokenizer = (firstText: string): CsvTokenizer => {
    const firstLine = firstText.slice(0, firstText.search(/\r|\n|$/));
    const created = new CsvTokenizer(
      {
        record: (fields, row) => sink.row(fields, row),
        broken: (row, reason) => sink.broken(row, reason),
        cutShort: (where) => {
          throw new LineError(where === 'quote' ? 'cut_short_quote' : 'cut_short_row', lines.lineStart);
        },
      },
      detectDelimiter(firstLine),
    );
    sink.start({ encoding, sheet: null, expectFieldCount: (count) => created.expectFieldCount(count) });
    return created;
  };

  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    const bytes = chunk as Buffer;
    bytesRead += bytes.length;
    const text = lines.push(bytes);
    if (text) {
      tokenizer ??= startTokenizer(text);
      tokenizer.push(text);
    }
    onProgress?.(bytesRead, size);
  }
  const rest = lines.end();
  tokenizer ??= startTokenizer(rest);
  if (rest) tokenizer.push(rest);
  tokenizer.end();
}

async function readSample(file: string): Promise<{ sample: Uint8Array; size: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { sample: buffer.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}
