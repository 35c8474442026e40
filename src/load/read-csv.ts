import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import type { Encoding } from '../config/index.js';
import { RollcallError } from '../domain/index.js';
import { CsvTokenizer, detectDelimiter } from './csv-tokenizer.js';
import { detectEncoding } from './encoding.js';
import type { ProgressCallback, RowSink } from './rows.js';

const SAMPLE_BYTES = 1 << 16;
const CHUNK_BYTES = 1 << 20;

/** Streams a CSV file into `sink`; memory stays at one chunk plus what the sink keeps. */
export async function readCsvRows(
  file: string,
  forcedEncoding: Encoding | null,
  sink: RowSink,
  onProgress?: ProgressCallback,
): Promise<void> {
  const { sample, size } = await readSample(file);
  const encoding = forcedEncoding ?? detectEncoding(sample, file);
  // fatal UTF-8: mixed encodings are reported, never silently turned into �.
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let tokenizer: CsvTokenizer | null = null;
  let bytesRead = 0;

  const startTokenizer = (firstText: string): CsvTokenizer => {
    const firstLine = firstText.slice(0, firstText.search(/\r|\n|$/));
    const created = new CsvTokenizer(
      { record: (fields, row) => sink.row(fields, row), broken: (row, reason) => sink.broken(row, reason) },
      detectDelimiter(firstLine),
    );
    sink.start({ encoding, sheet: null, expectFieldCount: (count) => created.expectFieldCount(count) });
    return created;
  };

  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    const bytes = chunk as Buffer;
    const text = decode(decoder, bytes, true, file, encoding, bytesRead);
    bytesRead += bytes.length;
    tokenizer ??= startTokenizer(text);
    tokenizer.push(text);
    onProgress?.(bytesRead, size);
  }
  const rest = decode(decoder, undefined, false, file, encoding, bytesRead);
  tokenizer ??= startTokenizer(rest);
  if (rest) tokenizer.push(rest);
  tokenizer.end();
}

function decode(
  decoder: TextDecoder,
  bytes: Buffer | undefined,
  stream: boolean,
  file: string,
  encoding: Encoding,
  offset: number,
): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch (error) {
    throw new RollcallError(
      'encoding',
      `${file}: not valid ${encoding.toUpperCase()} near byte ${offset.toLocaleString('en-US')} — the file mixes encodings; if it was saved as GBK/GB18030, run with --encoding gb18030`,
      { cause: error },
    );
  }
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
