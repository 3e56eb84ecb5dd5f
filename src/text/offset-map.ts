/**
 * Builds a string from pieces of a source string while remembering, for every output position, the
 * source position it came from, so spans over the output can be mapped back (and source spans forward).
 *
 * @example
 * const b = new OffsetMapBuilder('a\r\nb');
 * b.copy(0, 1); b.emit('\n', 1, 3); b.copy(3, 4);
 * const { text, map } = b.finish(); // text 'a\nb'; map.toSource(2) === 3
 */
export class OffsetMapBuilder {
  private readonly out: string[] = [];
  // A growing typed buffer: one source position per output unit, without boxing every number.
  private src: Int32Array;
  private length = 0;
  /** The pending run of copied source, `[runStart, runEnd)`, not yet in `out`. */
  private runStart = -1;
  private runEnd = -1;

  constructor(private readonly source: string) {
    this.src = new Int32Array(source.length + 16);
  }

  /** Copies `source.slice(start, end)` unchanged. */
  copy(start: number, end: number): void {
    if (end <= start) return;
    // Adjacent copies (callers copy one character at a time) are joined into one slice, taken later.
    if (start !== this.runEnd) {
      this.flush();
      this.runStart = start;
    }
    this.runEnd = end;
    this.reserve(end - start);
    for (let i = start; i < end; i++) this.src[this.length++] = i;
  }

  /** Emits `text` as the replacement of `source.slice(start, end)`. */
  emit(text: string, start: number, end: number): void {
    this.flush();
    this.out.push(text);
    this.reserve(text.length);
    const last = Math.max(start, end - 1);
    for (let i = 0; i < text.length; i++) this.src[this.length++] = Math.min(start + i, last);
  }

  finish(): { text: string; map: OffsetMap } {
    this.flush();
    return {
      text: this.out.join(''),
      map: new OffsetMap(this.src.slice(0, this.length), this.source.length),
    };
  }

  private flush(): void {
    if (this.runEnd > this.runStart) this.out.push(this.source.slice(this.runStart, this.runEnd));
    this.runStart = this.runEnd = -1;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.src.length) return;
    const grown = new Int32Array(Math.max(this.src.length * 2, this.length + n));
    grown.set(this.src.subarray(0, this.length));
    this.src = grown;
  }
}

/** A monotone mapping between positions of a normalized text and of the text it was made from. */
export class OffsetMap {
  /** `forward[i]` = first output position whose source position is ≥ i. */
  private readonly forward: Int32Array;

  constructor(
    private readonly toSrc: Int32Array,
    sourceLength: number,
  ) {
    this.forward = new Int32Array(sourceLength + 1);
    let o = 0;
    for (let i = 0; i <= sourceLength; i++) {
      while (o < toSrc.length && (toSrc[o] as number) < i) o++;
      this.forward[i] = o;
    }
  }

  /** Source position of output position `offset` (the end of the text maps to the end of the source). */
  toSource(offset: number): number {
    if (offset >= this.toSrc.length) return this.forward.length - 1;
    return this.toSrc[offset] as number;
  }

  /** Output span covering the source span `[start, end)`. */
  fromSourceSpan(start: number, end: number): [number, number] {
    const s = this.forward[Math.min(start, this.forward.length - 1)] as number;
    const e = this.forward[Math.min(end, this.forward.length - 1)] as number;
    return [s, Math.max(s, e)];
  }
}
