import { open as openFile } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import yauzl from 'yauzl';
import { RollcallError } from '../domain/index.js';

/**
 * The zip package of a workbook, read in place through its central directory
 * (yauzl): any part can be read in any order, so nothing is ever copied to a
 * temporary file (issue #8: personal data never leaves --out), and a sheet that
 * comes before the shared strings in the zip costs nothing extra.
 */
const READ_AHEAD = 1 << 20;

export class WorkbookZip {
  private constructor(
    readonly file: string,
    readonly size: number,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  static async open(file: string): Promise<WorkbookZip> {
    const { head, size } = await readHead(file);
    const kind = fileKind(head);
    if (kind === 'ole') throw new RollcallError('file_format', { key: 'xlsx.ole_file', params: { file } });
    if (kind !== 'zip') throw new RollcallError('file_format', { key: 'xlsx.not_zip', params: { file } });
    let zip: yauzl.ZipFile;
    try {
      zip = await openZip(file);
    } catch (error) {
      // A zip's directory is at its very end: a copy cut short has none.
      if (/end of central directory/i.test((error as Error).message)) {
        throw new RollcallError('file_format', { key: 'xlsx.ends_early', params: { file } }, { cause: error });
      }
      throw damaged(file, error);
    }
    try {
      return new WorkbookZip(file, size, zip, await readEntries(zip));
    } catch (error) {
      zip.close();
      throw damaged(file, error);
    }
  }

  /** Part names are compared as OPC says: case-insensitive, without a leading "/". */
  has(part: string): boolean {
    return this.entries.has(partKey(part));
  }

  /** A whole part as text (the small parts: relationships, workbook, styles). */
  async readText(part: string): Promise<string> {
    let text = '';
    for await (const chunk of this.streamText(part)) text += chunk;
    return text;
  }

  /**
   * A part as text, chunk by chunk, decoded across chunk boundaries (a character
   * split between two compressed blocks stays one character). `onBytes` gets the
   * compressed bytes read so far of this part, for the progress line.
   */
  async *streamText(part: string, onBytes?: (compressedBytes: number) => void): AsyncGenerator<string> {
    const entry = this.entries.get(partKey(part));
    if (!entry) throw damaged(this.file, new Error(`part ${part} missing`));
    if (entry.isEncrypted()) throw new RollcallError('file_format', { key: 'xlsx.ole_file', params: { file: this.file } });
    // A buffer of 1 MB lets zlib inflate ahead on the thread pool while this thread scans.
    const source = await this.openStream(entry);
    const stream = source.pipe(new PassThrough({ highWaterMark: READ_AHEAD }));
    source.on('error', (error) => stream.destroy(error));
    let decoder: TextDecoder | null = null;
    let inflated = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        decoder ??= new TextDecoder(xmlEncoding(chunk), { fatal: true });
        inflated += chunk.length;
        if (onBytes && entry.uncompressedSize > 0) onBytes(Math.round((entry.compressedSize * inflated) / entry.uncompressedSize));
        yield decoder.decode(chunk, { stream: true });
      }
      if (decoder) yield decoder.decode();
    } catch (error) {
      if (error instanceof RollcallError) throw error;
      throw damaged(this.file, error);
    } finally {
      source.destroy();
      stream.destroy();
    }
  }

  /** The compressed size of a part (0 when absent), for the progress line. */
  compressedSize(part: string): number {
    return this.entries.get(partKey(part))?.compressedSize ?? 0;
  }

  close(): void {
    this.zip.close();
  }

  private openStream(entry: yauzl.Entry): Promise<Readable> {
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (error, stream) => (error ? reject(damaged(this.file, error)) : resolve(stream)));
    });
  }
}

function damaged(file: string, error: unknown): RollcallError {
  const detail = error instanceof Error ? error.message : String(error);
  return new RollcallError('file_format', { key: 'xlsx.damaged', params: { file, detail } }, { cause: error });
}

function partKey(part: string): string {
  return part.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

async function readHead(file: string): Promise<{ head: Buffer; size: number }> {
  const handle = await openFile(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return { head: head.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/** A zip starts with a local file header (or is an empty zip); Excel's older format and encrypted workbooks are OLE files. */
function fileKind(head: Buffer): 'zip' | 'ole' | 'other' {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6))
    return 'zip';
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return 'ole';
  return 'other';
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // Names are decoded here, not by yauzl: it refuses absolute names ("/xl/…") that some writers use.
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false }, (error, zip) => (error ? reject(error) : resolve(zip)));
  });
}

function readEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = Buffer.isBuffer(entry.fileName) ? (entry.fileName as Buffer).toString('utf8') : entry.fileName;
      entries.set(partKey(name), entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** XML parts are UTF-8 unless they start with a UTF-16 byte-order mark. */
function xmlEncoding(first: Buffer): string {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
