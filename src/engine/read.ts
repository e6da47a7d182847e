import { readFileSync, statSync } from 'node:fs';
import { SourceText } from '../graph/source.js';
import { describeFsError } from './discover.js';

/** Files above this size are not read: no real template comes close, and it bounds memory. */
export const maxFileBytes = 100 * 1024 * 1024;

export type ReadOutcome =
  | { kind: 'text'; source: SourceText }
  /** Not an input problem: the file is simply not something to lint (empty, binary). */
  | { kind: 'skip'; reason: string }
  | { kind: 'error'; message: string; line?: number; column?: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads and decodes one file. A UTF-8 byte-order mark is dropped (positions then count from the
 * first character after it, as editors show them); bytes that are not UTF-8 are an error located
 * at the first bad byte.
 */
export function readInputFile(absolutePath: string, reportedPath: string): ReadOutcome {
  let bytes: Buffer;
  try {
    const size = statSync(absolutePath).size;
    if (size > maxFileBytes) return { kind: 'error', message: `is larger than ${maxFileBytes / (1024 * 1024)} MB and was not read` };
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { kind: 'error', message: describeFsError(error, 'cannot be read') };
  }
  if (bytes.length === 0) return { kind: 'skip', reason: 'the file is empty' };
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return { kind: 'skip', reason: 'the file is binary' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const before = bytes.subarray(0, offset).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { kind: 'error', message: `is not valid UTF-8 (invalid byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at byte ${offset})`, line, column };
  }
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
