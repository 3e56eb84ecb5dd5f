import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { escapeHtml, idPart, jsonForScript } from '../src/format/html/escape.js';
import { markupText, type TextRange } from '../src/format/html/span-markup.js';

interface Node {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
}

/** The text of a parsed fragment, tags dropped and entities decoded. */
function textOf(node: Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}

/** Every element with the given id-less class chain, in document order. */
function elements(node: Node, out: Node[] = []): Node[] {
  for (const child of node.childNodes ?? []) {
    if (child.attrs) out.push(child);
    elements(child, out);
  }
  return out;
}

const attr = (el: Node, name: string) => el.attrs?.find((a) => a.name === name)?.value;
const mark = (start: number, end: number, id: string): TextRange => ({
  start,
  end,
  tag: 'mark',
  id,
  className: 'ev',
});

describe('escapeHtml', () => {
  it('turns markup into text', () => {
    expect(escapeHtml('"><img src=x onerror=alert(1)>')).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml("<script>a&b'</script>")).toBe('&lt;script&gt;a&amp;b&#39;&lt;/script&gt;');
    expect(escapeHtml(undefined)).toBe('');
  });
});

describe('jsonForScript', () => {
  it('leaves no </script> or <!-- in the block and still parses back', () => {
    const value = { html: '</script><script>alert(1)</script><!-- x --> </SCRIPT> \u2028', n: [1, 2] };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain('<!--');
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('idPart', () => {
  it('keeps ids free of spaces and quotes, without collisions', () => {
    expect(idPart('requests.newReceived.total')).toBe('requests.newReceived.total');
    expect(idPart('三 2"')).toMatch(/^[A-Za-z0-9_.@-]+$/);
    expect(idPart('a.b')).not.toBe(idPart('a_b'));
    expect(idPart('active.total@cumulative')).not.toBe(idPart('active.total'));
  });
});

describe('markupText', () => {
  it('wraps one span and escapes the text around it', () => {
    expect(markupText('<b>总数84条', [mark(5, 7, 'e1')])).toBe(
      '&lt;b&gt;总数<mark id="e1" class="ev">84</mark>条',
    );
  });

  it('nests identical and contained spans, outer first', () => {
    const text = '截至2019年12月31日,累计84条';
    const out = markupText(text, [mark(0, 13, 'a'), mark(0, 13, 'b'), mark(2, 7, 'c')]);
    expect(out).toBe(
      '<mark id="a" class="ev"><mark id="b" class="ev">截至<mark id="c" class="ev">2019年</mark>12月31日</mark></mark>,累计84条',
    );
  });

  it('splits crossing spans into well-nested pieces; only the first piece has the id', () => {
    const text = 'abcdefgh';
    const out = markupText(text, [mark(1, 5, 'x'), mark(3, 7, 'y')]);
    expect(out).toBe(
      'a<mark id="x" class="ev">bc<mark id="y" class="ev">de</mark></mark><mark class="ev cont">fg</mark>h',
    );
    const frag = parseFragment(out) as unknown as Node;
    expect(textOf(frag)).toBe(text);
    const pieces = elements(frag);
    expect(pieces.filter((e) => attr(e, 'id') === 'y').map(textOf)).toEqual(['de']);
    // Together the two pieces of y cover exactly y's span.
    const yPieces = pieces.filter((e) => attr(e, 'id') === 'y' || attr(e, 'class') === 'ev cont').map(textOf);
    expect(yPieces.join('')).toBe(text.slice(3, 7));
  });

  it('keeps the text intact under many overlapping ranges', () => {
    const text = '平潭𠀀综合实验区2022年度收到申请75件，办结74件。<script>';
    const ranges: TextRange[] = [];
    for (let s = 0; s < text.length; s += 3) ranges.push(mark(s, Math.min(text.length, s + 7), `m${s}`));
    const frag = parseFragment(markupText(text, ranges)) as unknown as Node;
    expect(textOf(frag)).toBe(text);
    for (const r of ranges) {
      const first = elements(frag).find((e) => attr(e, 'id') === r.id);
      expect(first).toBeDefined();
    }
  });

  it('measures spans in UTF-16 code units and never cuts an astral character in half', () => {
    const text = '𠀀𠀁84条𠀂'; // two astral characters (4 code units), then 84
    expect(markupText(text, [mark(4, 6, 'n')])).toBe('𠀀𠀁<mark id="n" class="ev">84</mark>条𠀂');
    // A span starting or ending inside a surrogate pair is widened to the whole character.
    expect(markupText(text, [mark(1, 5, 'w')])).toBe('<mark id="w" class="ev">𠀀𠀁8</mark>4条𠀂');
    expect(markupText(text, [mark(7, 8, 'z')])).toBe('𠀀𠀁84条<mark id="z" class="ev">𠀂</mark>');
  });

  it('drops ranges outside the text, clips long ones and keeps empty ones as anchors', () => {
    expect(markupText('abc', [mark(5, 9, 'gone'), mark(2, 1, 'backwards')])).toBe('abc');
    expect(markupText('abc', [mark(1, 99, 'clip')])).toBe('a<mark id="clip" class="ev">bc</mark>');
    expect(markupText('abc', [mark(1, 1, 'pin')])).toBe('a<mark id="pin" class="ev"></mark>bc');
  });

  it('escapes attribute values and refuses event-handler attributes', () => {
    const out = markupText('ab', [
      {
        start: 0,
        end: 1,
        tag: 'span',
        className: '"><img src=x>',
        attrs: { title: '"><script>', onclick: 'alert(1)', 'data-a': '0-1' },
      },
    ]);
    expect(out).toBe(
      '<span class="&quot;&gt;&lt;img src=x&gt;" title="&quot;&gt;&lt;script&gt;" data-a="0-1">a</span>b',
    );
  });
});
