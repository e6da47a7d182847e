/**
 * Source positions. Lines and columns are 1-based; columns count UTF-16 code units, which is
 * what JavaScript string indices, SARIF (`columnKind: utf16CodeUnits`) and GitHub annotations use.
 */
export interface Position {
  line: number;
  column: number;
  /** 0-based UTF-16 offset into the file text. */
  offset: number;
}

export interface Span {
  /** Path of the file as given to the linter (relative to the working directory when possible). */
  file: string;
  start: Position;
  end: Position;
}

/** The text of one input file plus a line index, so parsers can turn offsets into positions. */
export class SourceText {
  readonly lineStarts: number[];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low]! + 1, offset: clamped };
  }

  /** A span whose positions are computed when first read (see `LazySpan`). */
  span(startOffset: number, endOffset: number): Span {
    return new LazySpan(this, startOffset, endOffset);
  }

  /** The text of a 1-based line without its line terminator. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    let end = next === undefined ? this.text.length : next;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/**
 * A span whose line and column are computed when first read. A large input creates a span for every
 * value and key, but only the few that end up in findings are ever shown; computing positions up
 * front cost time and three objects per span.
 */
export class LazySpan implements Span {
  private startPosition: Position | undefined;
  private endPosition: Position | undefined;

  constructor(
    private readonly source: SourceText,
    private readonly startOffset: number,
    private readonly endOffset: number,
  ) {}

  get file(): string {
    return this.source.file;
  }

  get start(): Position {
    return (this.startPosition ??= this.source.position(this.startOffset));
  }

  get end(): Position {
    return (this.endPosition ??= this.source.position(this.endOffset));
  }

  toJSON(): { file: string; start: Position; end: Position } {
    return { file: this.file, start: this.start, end: this.end };
  }
}

/** A span covering a whole file's first position, for diagnostics that have no better place. */
export function fileStartSpan(file: string): Span {
  const start = { line: 1, column: 1, offset: 0 };
  return { file, start, end: start };
}
