/**
 * Reading CSV exports from disk: encoding, delimiter and line-ending detection on a sample, then
 * a streaming pass that turns every record into trimmed cells with its physical line number.
 *
 * Files can be far larger than memory should hold, so both passes stream. Detection reads the
 * whole file once for its SHA-256 and UTF-8 validity and keeps only the first `sampleBytes`.
 */

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { TextDecoder } from 'node:util';
import { CsvError, Parser } from 'csv-parse';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type CsvDelimiter = ',' | ';' | '\t' | '|';
export type LineEnding = '\r\n' | '\n' | '\r';

export interface CsvRow {
  /** 1-based physical line where the record starts, counting line breaks inside quotes. */
  line: number;
  /** Cell values with surrounding whitespace removed. */
  cells: string[];
}

export interface CsvInspection {
  path: string;
  sizeBytes: number;
  /** Hex SHA-256 of the whole file, byte for byte. */
  sha256: string;
  encoding: CsvEncoding;
  /** Whether the file starts with a byte order mark, which is not part of the first cell. */
  bom: boolean;
  delimiter: CsvDelimiter;
  /** Most frequent line ending in the sample. Reading splits records on all three. */
  lineEnding: LineEnding;
  /** Rows of the sample, decoded and split, without blank rows. */
  rows: CsvRow[];
  /** True when the sample stops before the end of the file. */
  truncated: boolean;
}

export interface InspectOptions {
  /** Bytes decoded and split into `rows`, 4 MiB by default. */
  sampleBytes?: number;
}

export interface ReadCsvOptions {
  signal?: AbortSignal;
  /** Called after each chunk read with the byte offset reached in the file. */
  onProgress?: (bytesRead: number) => void;
}

const DEFAULT_SAMPLE_BYTES = 4 * 1024 * 1024;
const READ_CHUNK_BYTES = 1024 * 1024;
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];
// Lines of the sample that delimiter detection parses once per candidate delimiter.
const DELIMITER_DETECTION_LINES = 1000;
// Real receivables rows are far smaller. Without a limit, one unclosed quote would make the
// parser buffer the rest of the file as a single cell.
const MAX_RECORD_BYTES = 1024 * 1024;

const ICONV_NAMES = {
  'utf-8': 'utf8',
  'windows-1252': 'windows1252',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
} as const satisfies Record<CsvEncoding, string>;

/**
 * Detects how a CSV file is encoded and delimited, hashes it, and splits its first
 * `sampleBytes` into rows. Rejects when the sample is not valid CSV, naming the line.
 */
export async function inspectCsvFile(
  path: string,
  options: InspectOptions = {},
): Promise<CsvInspection> {
  // The sample always covers the 3 bytes of a UTF-8 byte order mark.
  const sampleLimit = Math.max(options.sampleBytes ?? DEFAULT_SAMPLE_BYTES, 3);
  const scan = await scanFile(path, sampleLimit);
  const { encoding, bomLength } = chooseEncoding(scan.sample, scan.validUtf8);
  const truncated = scan.sample.length < scan.sizeBytes;

  let text = iconv.decode(scan.sample.subarray(bomLength), ICONV_NAMES[encoding], {
    stripBOM: true,
  });
  if (truncated) text = text.slice(0, lastLineBreakEnd(text));

  const delimiter = await detectDelimiter(text);
  const rows: CsvRow[] = [];
  try {
    await parseText(text, delimiter, path, (row) => rows.push(row));
  } catch (error) {
    // The sample may end inside a quoted cell that the rest of the file closes.
    const cutInsideQuote =
      error instanceof Error &&
      error.cause instanceof CsvError &&
      error.cause.code === 'CSV_QUOTE_NOT_CLOSED';
    if (!(truncated && cutInsideQuote)) throw error;
  }

  return {
    path,
    sizeBytes: scan.sizeBytes,
    sha256: scan.sha256,
    encoding,
    bom: bomLength > 0,
    delimiter,
    lineEnding: detectLineEnding(text),
    rows,
    truncated,
  };
}

/**
 * Streams every non-blank record of the file to `onRow`, in order, and resolves with their count.
 *
 * Records are split on any of CRLF, LF and CR, so a file with mixed line endings keeps correct
 * line numbers. Rejects with the line number and the fix when the CSV is malformed, with the
 * error `onRow` throws, or with an AbortError when `options.signal` aborts.
 */
export async function readCsvRows(
  path: string,
  inspection: CsvInspection,
  onRow: (row: CsvRow) => void,
  options: ReadCsvOptions = {},
): Promise<{ rowCount: number }> {
  const bomLength = inspection.bom ? byteOrderMarkLength(inspection.encoding) : 0;
  const source = createReadStream(path, { start: bomLength, highWaterMark: READ_CHUNK_BYTES });
  const { onProgress } = options;
  if (onProgress) source.on('data', () => onProgress(bomLength + source.bytesRead));

  const decoder = iconv.decodeStream(ICONV_NAMES[inspection.encoding], { stripBOM: true });
  const parser = new RowParser(inspection.delimiter, path, onRow);
  await pipeline(source, decoder, parser, options.signal ? { signal: options.signal } : {});
  return { rowCount: parser.rowCount };
}

/**
 * csv-parse stream that hands each record to a callback as soon as it is parsed.
 *
 * csv-parse 7.0.3 reports lines through `info.lines`, which is where a record ends, not where
 * it starts, and it counts a CRLF inside quotes as two lines. Its `info` option also cut
 * throughput by about 40% in a 1M-row benchmark on a 2-core machine. So the start line is
 * tracked here: each record starts one line after the previous record's start plus the line
 * breaks inside its cells.
 */
class RowParser extends Parser {
  rowCount = 0;
  private nextLine = 1;

  constructor(
    delimiter: CsvDelimiter,
    private readonly path: string,
    private readonly onRow: (row: CsvRow) => void,
  ) {
    super({
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD_BYTES,
      // The decoder already removed the byte order mark.
      bom: false,
      cast: false,
    });
    // Records never reach the readable side, so let it end without a consumer.
    this.resume();
  }

  // csv-parse 7.0.3 calls push() synchronously from its parse loop, so `nextLine` is exact
  // even when parsing fails in the middle of a chunk. Records skip the readable buffer.
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) return super.push(null, encoding);
    // An abort or a failed onRow destroys the stream while the parser finishes its chunk.
    if (this.destroyed) return false;

    const cells = chunk as string[];
    const line = this.nextLine;
    this.nextLine = line + 1 + trimCells(cells);
    if (isBlank(cells)) return true;

    this.rowCount += 1;
    try {
      this.onRow({ line, cells });
    } catch (error) {
      this.destroy(error as Error);
      return false;
    }
    return true;
  }

  override _transform(
    chunk: Buffer,
    encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    super._transform(chunk, encoding, (error) => callback(this.describe(error)));
  }

  override _flush(callback: (error?: Error | null) => void): void {
    super._flush((error) => callback(this.describe(error)));
  }

  /** Rewrites a csv-parse error to name the file, the record's start line and the fix. */
  private describe(error: Error | null | undefined): Error | null | undefined {
    if (!(error instanceof CsvError)) return error;
    const where = `Invalid CSV in ${this.path}: the record starting on line ${this.nextLine}`;
    const fix =
      'Add the missing closing quote ("), or write each quote inside a quoted cell as two ' +
      'quotes ("").';
    let message: string;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      message = `${where} has a quoted cell that is never closed. ${fix}`;
    } else if (error.code === 'CSV_MAX_RECORD_SIZE') {
      message =
        `${where} is longer than ${MAX_RECORD_BYTES} bytes, which usually means a quote ` +
        `opened in it is never closed. ${fix}`;
    } else {
      message = `${where} could not be parsed (${error.message}). Fix the file and try again.`;
    }
    return new Error(message, { cause: error });
  }
}

/**
 * Trims every cell in place and returns the number of line breaks the cells contained.
 * Quoted cells are the only place a line break can survive parsing.
 */
function trimCells(cells: string[]): number {
  let lineBreaks = 0;
  for (let index = 0; index < cells.length; index += 1) {
    const cell = cells[index] as string;
    const length = cell.length;
    if (length === 0) continue;
    if (cell.indexOf('\n') !== -1 || cell.indexOf('\r') !== -1) {
      lineBreaks += countLineBreaks(cell);
    }
    // Only whitespace and non-ASCII characters can be trimmed, so most cells skip trim().
    const first = cell.charCodeAt(0);
    const last = cell.charCodeAt(length - 1);
    if (first <= 32 || last <= 32 || first >= 127 || last >= 127) cells[index] = cell.trim();
  }
  return lineBreaks;
}

/** Counts CRLF, LF and CR as one line break each, as the parser's record delimiters do. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10) {
      count += 1;
    } else if (code === 13) {
      count += 1;
      if (text.charCodeAt(index + 1) === 10) index += 1;
    }
  }
  return count;
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.length > 0) return false;
  return true;
}

interface FileScan {
  sizeBytes: number;
  sha256: string;
  validUtf8: boolean;
  /** The first bytes of the file, at most the sample limit. */
  sample: Buffer;
}

/** Reads the file once: hashes it, checks UTF-8 validity throughout, and keeps the sample. */
async function scanFile(path: string, sampleLimit: number): Promise<FileScan> {
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let sizeBytes = 0;
  const sampleChunks: Buffer[] = [];
  let sampleLength = 0;

  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    sizeBytes += bytes.length;
    if (validUtf8) validUtf8 = decodesAsUtf8(utf8, bytes);
    if (sampleLength < sampleLimit) {
      const part = bytes.subarray(0, sampleLimit - sampleLength);
      sampleChunks.push(part);
      sampleLength += part.length;
    }
  }
  // Flushing rejects a multi-byte sequence cut off by the end of the file.
  if (validUtf8) validUtf8 = decodesAsUtf8(utf8);

  return {
    sizeBytes,
    sha256: hash.digest('hex'),
    validUtf8,
    sample: Buffer.concat(sampleChunks, sampleLength),
  };
}

function decodesAsUtf8(decoder: TextDecoder, bytes?: Buffer): boolean {
  try {
    if (bytes) decoder.decode(bytes, { stream: true });
    else decoder.decode();
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

/**
 * Picks the encoding from a byte order mark, or else UTF-8 when the whole file is valid UTF-8.
 * Windows-1252 is the fallback because it decodes any byte and is what Excel and older
 * accounting packages write on Western-locale Windows.
 */
function chooseEncoding(
  sample: Buffer,
  validUtf8: boolean,
): { encoding: CsvEncoding; bomLength: number } {
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf8Bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  return { encoding: validUtf8 ? 'utf-8' : 'windows-1252', bomLength: utf8Bom ? 3 : 0 };
}

function byteOrderMarkLength(encoding: CsvEncoding): number {
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 3;
}

/** Returns the index just past the last line break, or 0 when `text` has none. */
function lastLineBreakEnd(text: string): number {
  return Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
}

/**
 * Picks the delimiter whose rows most often share one field count of at least 2, parsing the
 * first lines of the sample with each candidate. Quotes are respected, so a comma inside a
 * quoted cell does not count. Ties go to the larger field count, then to the earlier candidate
 * in `DELIMITERS`. Returns a comma when no candidate splits any row.
 */
async function detectDelimiter(text: string): Promise<CsvDelimiter> {
  const window = text.slice(0, lineStartAfter(text, DELIMITER_DETECTION_LINES));
  let best: { delimiter: CsvDelimiter; rows: number; fields: number } = {
    delimiter: ',',
    rows: 0,
    fields: 0,
  };

  for (const delimiter of DELIMITERS) {
    const rowsByFieldCount = new Map<number, number>();
    try {
      await parseText(window, delimiter, '(sample)', (row) => {
        const fields = row.cells.length;
        if (fields >= 2) rowsByFieldCount.set(fields, (rowsByFieldCount.get(fields) ?? 0) + 1);
      });
    } catch {
      // The window may cut a quoted cell, and the rows parsed before it still count.
    }
    for (const [fields, rows] of rowsByFieldCount) {
      if (rows > best.rows || (rows === best.rows && fields > best.fields)) {
        best = { delimiter, rows, fields };
      }
    }
  }
  return best.delimiter;
}

/** Returns the index where line `lineCount + 1` starts, or the text length when it has fewer. */
function lineStartAfter(text: string, lineCount: number): number {
  let lines = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code !== 10 && code !== 13) continue;
    if (code === 13 && text.charCodeAt(index + 1) === 10) index += 1;
    lines += 1;
    if (lines === lineCount) return index + 1;
  }
  return text.length;
}

function detectLineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) {
        crlf += 1;
        index += 1;
      } else {
        cr += 1;
      }
    } else if (code === 10) {
      lf += 1;
    }
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  return cr > lf ? '\r' : '\n';
}

async function parseText(
  text: string,
  delimiter: CsvDelimiter,
  path: string,
  onRow: (row: CsvRow) => void,
): Promise<void> {
  const parser = new RowParser(delimiter, path, onRow);
  const done = new Promise<void>((resolve, reject) => {
    parser.on('finish', resolve);
    parser.on('error', reject);
  });
  // Bytes go in by chunks because one large write parsed measurably slower. A chunk may end
  // inside a multi-byte character because csv-parse decodes whole fields only.
  const bytes = Buffer.from(text, 'utf8');
  for (let start = 0; start < bytes.length; start += READ_CHUNK_BYTES) {
    parser.write(bytes.subarray(start, start + READ_CHUNK_BYTES));
  }
  parser.end();
  await done;
}
