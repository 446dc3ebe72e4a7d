import { describe, expect, it } from 'vitest';
import { type Block, layoutText, paragraphs } from '../../web/src/layout.ts';

/** A compact picture of a layout: text as is, [quote q: …], {mention e: …}, paragraphs joined with ' | '. */
function picture(blocks: Block[]): string {
  return blocks
    .map((block) =>
      block.pieces
        .map((piece) => {
          const inline = (p: { kind: string; text: string; entity?: number }) =>
            p.kind === 'mention' ? `{${p.entity}:${p.text}}` : p.text;
          if (piece.kind !== 'quote') return inline(piece);
          return `[${piece.quote}${piece.first ? '' : '…'}:${piece.children.map(inline).join('')}]`;
        })
        .join(''),
    )
    .join(' | ');
}

const span = (text: string, part: string, from = 0) => {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`${part} not in text`);
  return { start, end: start + part.length };
};

describe('layoutText', () => {
  const t1 = '“We will build it,” said Ada Osei.\n\nOsei left.';
  const t2 = '“First part.\n\nSecond part,” she said.';
  const t3 = 'Mayor Ada Osei said “Ada Osei is here.”';
  const t4 = '“A quote” and “another quote” here.';

  it.each([
    [
      'a quote and a speaker mention',
      t1,
      [span(t1, 'We will build it,')],
      [
        { ...span(t1, 'Ada Osei'), entity: 0 },
        { ...span(t1, 'Osei', 30), entity: 0 },
      ],
      '“[0:We will build it,]” said {0:Ada Osei}. | {0:Osei} left.',
    ],
    [
      'a quote across two paragraphs',
      t2,
      [{ start: 1, end: t2.indexOf(',') + 1 }],
      [],
      '“[0:First part.] | [0…:Second part,]” she said.',
    ],
    [
      'a mention inside a quote',
      t3,
      [span(t3, 'Ada Osei is here.')],
      [
        { ...span(t3, 'Ada Osei'), entity: 1 },
        { ...span(t3, 'Ada Osei', 10), entity: 1 },
      ],
      'Mayor {1:Ada Osei} said “[0:{1:Ada Osei} is here.]”',
    ],
    [
      'overlapping quotes keep the first',
      t4,
      [span(t4, 'A quote'), { start: 3, end: 20 }, span(t4, 'another quote')],
      [],
      '“[0:A quote]” and “[2:another quote]” here.',
    ],
    [
      'a mention straddling a quote edge is cut',
      t4,
      [span(t4, 'A quote')],
      [{ start: 3, end: 12, entity: 5 }],
      '“[0:A {5:quote}]{5:” an}d “another quote” here.',
    ],
    [
      'out-of-range and empty spans are ignored',
      t4,
      [
        { start: 40, end: 50 },
        { start: 5, end: 5 },
      ],
      [{ start: -3, end: 2, entity: 0 }],
      '{0:“A} quote” and “another quote” here.',
    ],
  ])('%s', (_name, text, quotes, mentions, expected) => {
    // Act
    const blocks = layoutText(text, quotes, mentions);
    // Assess
    expect(picture(blocks)).toBe(expected);
  });

  it('keeps every character of every paragraph exactly once', () => {
    const text = 'One “two three” four.\n\nFive “six\n\nseven” eight.';
    const blocks = layoutText(
      text,
      [span(text, 'two three'), span(text, 'six\n\nseven')],
      [{ ...span(text, 'four'), entity: 0 }],
    );
    for (const block of blocks) {
      const flat = block.pieces
        .map((p) => (p.kind === 'quote' ? p.children.map((c) => c.text).join('') : p.text))
        .join('');
      expect(flat).toBe(text.slice(block.start, block.end));
    }
  });
});

describe('paragraphs', () => {
  it.each([
    ['a\n\nb', ['a', 'b']],
    ['a\nstill a\n\n\n b', ['a\nstill a', 'b']],
    ['', []],
  ])('%j → %j', (text, expected) => {
    expect(paragraphs(text).map((p) => text.slice(p.start, p.end))).toEqual(expected);
  });
});
