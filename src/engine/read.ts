import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { SourceText } from '../graph/source.js';
import { isTerraformPlanText } from '../parsers/claims.js';
import { describeFsError } from './discover.js';

/**
 * Templates, configurations and programs above this size are not read. CloudFormation accepts
 * templates of at most 1 MB; a larger file is generated or hostile, and reading it would take
 * seconds and gigabytes. The file gets a clear `file-error` instead.
 */
export const maxSourceBytes = 10 * 1024 * 1024;

/** Above this, not even `terraform show -json` output (a large state can be big) is read. */
export const maxFileBytes = 100 * 1024 * 1024;

export type ReadOutcome =
  | { kind: 'text'; source: SourceText }
  /** Not an input problem: the file is simply not something to lint (empty, binary). */
  | { kind: 'skip'; reason: string }
  | { kind: 'error'; message: string; line?: number; column?: number };

/** `code`: the system error code, or `EISDIR`, `ENOTREG` (a pipe, socket or device), `EFBIG` (over the limit). */
export type FileBytes = { kind: 'bytes'; bytes: Buffer } | { kind: 'error'; message: string; code?: string };

/**
 * Reads a regular file, at most `limit` bytes (or fewer when `limitFor` lowers it after a look at the
 * size and first bytes). Safe with whatever the path turns out to be when it is read, which may
 * differ from what discovery saw: a pipe or device (opened without blocking, never read), a
 * directory, a file that grows while it is read. The checks and the read use the same descriptor.
 */
export function readRegularFile(absolutePath: string, limit = maxFileBytes, limitFor?: (size: number, head: () => Buffer) => number): FileBytes {
  let descriptor: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever.
    descriptor = openSync(absolutePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) return { kind: 'error', message: 'is a directory', code: 'EISDIR' };
    if (!stats.isFile()) return { kind: 'error', message: 'is not a regular file (a pipe, socket or device) and was not read', code: 'ENOTREG' };
    const fd = descriptor;
    const effective = limitFor ? Math.min(limit, limitFor(stats.size, () => readUpTo(fd, 4096))) : limit;
    const tooLarge = { kind: 'error', message: `is larger than ${effective / (1024 * 1024)} MB and was not read`, code: 'EFBIG' } as const;
    if (stats.size > effective) return tooLarge;
    // Read to the end, but never more than the limit: the file may grow while it is read.
    const bytes = readUpTo(descriptor, effective + 1, stats.size);
    return bytes.length > effective ? tooLarge : { kind: 'bytes', bytes };
  } catch (error) {
    return { kind: 'error', message: describeFsError(error, 'cannot be read'), code: (error as NodeJS.ErrnoException | undefined)?.code };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** Up to `max` bytes from the start of an open file. */
function readUpTo(descriptor: number, max: number, expected = 0): Buffer {
  let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(max, expected > 0 ? expected + 1 : 65_536)));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length >= max) break;
      const larger = Buffer.allocUnsafe(Math.min(max, buffer.length * 2));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const read = readSync(descriptor, buffer, length, buffer.length - length, length);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

/** The size limit of an input: `maxSourceBytes`, or `maxFileBytes` for `terraform show -json` output. */
function inputLimit(absolutePath: string): (size: number, head: () => Buffer) => number {
  return (size, head) => {
    if (size <= maxSourceBytes || !absolutePath.toLowerCase().endsWith('.json')) return maxSourceBytes;
    return isTerraformPlanText(head().toString('utf8')) ? maxFileBytes : maxSourceBytes;
  };
}

/** A text file of the repository that is not an input (a `.gitignore`, a configuration file, a
 * Terraform variables file): its text, or undefined when it cannot be read as a regular file. */
export function readTextFileSafely(absolutePath: string, limit = maxSourceBytes): string | undefined {
  const outcome = readRegularFile(absolutePath, limit);
  return outcome.kind === 'bytes' ? outcome.bytes.toString('utf8') : undefined;
}

/**
 * Reads and decodes one file. A UTF-8 byte-order mark is dropped (positions then count from the
 * first character after it, as editors show them); bytes that are not UTF-8 are an error located
 * at the first bad byte.
 */
export function readInputFile(absolutePath: string, reportedPath: string): ReadOutcome {
  const outcome = readRegularFile(absolutePath, maxFileBytes, inputLimit(absolutePath));
  if (outcome.kind === 'error') return { kind: 'error', message: outcome.message };
  const bytes = outcome.bytes;
  if (bytes.length === 0) return { kind: 'skip', reason: 'the file is empty' };
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return { kind: 'skip', reason: 'the file is binary' };
  // isUtf8 and toString are simdutf's: several times faster than a fatal TextDecoder.
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8Offset(bytes);
    const before = bytes.subarray(0, offset).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { kind: 'error', message: `is not valid UTF-8 (invalid byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at byte ${offset})`, line, column };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = (bom ? bytes.subarray(3) : bytes).toString('utf8');
  if (text.trim().length === 0) return { kind: 'skip', reason: 'the file is empty' };
  return { kind: 'text', source: new SourceText(reportedPath, text) };
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    let length = 0;
    if (byte < 0x80) length = 1;
    else if (byte >= 0xc2 && byte <= 0xdf) length = 2;
    else if (byte >= 0xe0 && byte <= 0xef) length = 3;
    else if (byte >= 0xf0 && byte <= 0xf4) length = 4;
    else return index;
    for (let k = 1; k < length; k++) {
      const continuation = bytes[index + k];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return index;
}
