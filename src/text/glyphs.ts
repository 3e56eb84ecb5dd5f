import { EQUIVALENT_UNIFIED_IDEOGRAPH } from './glyph-table.js';

/** Radical or stroke code unit → the unified ideograph it stands for. Built on first use. */
let radicals: Map<number, string> | undefined;

function radicalTable(): Map<number, string> {
  if (!radicals) {
    radicals = new Map();
    for (const pair of EQUIVALENT_UNIFIED_IDEOGRAPH.split(' ')) {
      const [from, to] = pair.split(':') as [string, string];
      radicals.set(Number.parseInt(from, 16), String.fromCodePoint(Number.parseInt(to, 16)));
    }
  }
  return radicals;
}

/**
 * Whether the code unit may start a glyph variant: a CJK radical (U+2E80–U+2FDF), a CJK stroke
 * (U+31C0–U+31EF), a CJK compatibility ideograph (U+F900–U+FAFF) or the high surrogate of the
 * compatibility supplement (U+2F800–U+2FA1F). A cheap test before {@link foldGlyph}.
 */
export function mayBeGlyphVariant(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x2fdf) ||
    (c >= 0x31c0 && c <= 0x31ef) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0xd87e
  );
}

/**
 * The unified ideograph that a glyph variant at `text[at]` stands for, and how many code units the
 * variant takes; `undefined` when the character is not a variant. PDF fonts often map their glyphs to
 * Kangxi radicals or radical supplements (`⼈⺠` for 人民) and word processors keep compatibility
 * ideographs (`﨑`); readers see the same character, so matching must too. Radicals and strokes fold by
 * the Unicode Equivalent_Unified_Ideograph property (NFKC folds only the Kangxi block), compatibility
 * ideographs by their canonical decomposition (the twelve without one stay as they are).
 *
 * @example
 * foldGlyph('上海市⼈⺠政府', 3); // { text: '人', length: 1 }
 */
export function foldGlyph(text: string, at: number): { text: string; length: number } | undefined {
  const c = text.charCodeAt(at);
  if (!mayBeGlyphVariant(c)) return undefined;
  if (c < 0x3200) {
    const folded = radicalTable().get(c);
    return folded ? { text: folded, length: 1 } : undefined;
  }
  const length = c === 0xd87e ? 2 : 1;
  const variant = text.slice(at, at + length);
  const folded = variant.normalize('NFC');
  return folded !== variant ? { text: folded, length } : undefined;
}

/**
 * Folds every glyph variant in a string (see {@link foldGlyph}); for short strings such as PDF
 * metadata, where no offsets need keeping.
 *
 * @example
 * foldGlyphs('⼀、总体情况'); // '一、总体情况'
 */
export function foldGlyphs(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const f = foldGlyph(text, i);
    if (f) {
      out += f.text;
      i += f.length;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}
