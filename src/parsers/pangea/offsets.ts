/**
 * Prism reports locations as UTF-8 byte offsets; the graph counts UTF-16 code units. For a file
 * that is all ASCII both are the same. Otherwise the map records, for every non-ASCII character,
 * where it starts in bytes and how many more bytes than code units the text has after it, and a
 * binary search converts an offset (memory grows with the non-ASCII characters, not the file).
 */
export class OffsetMap {
  private readonly starts: number[] = [];
  private readonly deltas: number[] = [];

  constructor(text: string) {
    let byte = 0;
    let delta = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code < 0x80) {
        byte += 1;
        continue;
      }
      const start = byte;
      if (code < 0x800) {
        byte += 2;
        delta += 1;
      } else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
        byte += 4;
        delta += 2;
        index++;
      } else {
        byte += 3;
        delta += 2;
      }
      this.starts.push(start);
      this.deltas.push(delta);
    }
  }

  /** The UTF-16 offset of a UTF-8 byte offset. */
  utf16(byteOffset: number): number {
    const starts = this.starts;
    if (starts.length === 0 || byteOffset <= starts[0]!) return byteOffset;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! < byteOffset) low = mid;
      else high = mid - 1;
    }
    return byteOffset - this.deltas[low]!;
  }
}
