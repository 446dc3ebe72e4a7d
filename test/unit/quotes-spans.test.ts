import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../shared/pipeline/quotes/spans.ts';

/** [input, quoted contents found] — quote-mark spans only, no attribution. All texts are invented. */
const SPAN_ROWS: Array<[string, string, string[]]> = [
  ['curly double quotes', 'She said “we are ready” and left.', ['we are ready']],
  ['straight double quotes', 'He said "not today" twice.', ['not today']],
  ["doubled apostrophes (''…'')", "''It's done,'' said Mr. Park. ''Finally.''", ["It's done,", 'Finally.']],
  ['guillemets', 'Il a dit «jamais» hier.', ['jamais']],
  ['low-9 opening mark with a German closing mark', 'Sie sagte „niemals“ dazu.', ['niemals']],
  ['nested single quotes stay inside', '“He told me ‘no way’ at lunch,” she said.', ['He told me ‘no way’ at lunch,']],
  [
    'straight quote nested in a curly quote',
    '“They call it "the plan" now,” Ito said.',
    ['They call it "the plan" now,'],
  ],
  [
    'curly quote nested in a straight quote',
    '"They call it “the plan” now," Ito said.',
    ['They call it “the plan” now,'],
  ],
  [
    'an opening mark typed with a space after it, after a sentence’s end and before a capital',
    '"You have done well," she told Ruiz. " You people made that easy." He said " we will win " and left.',
    ['You have done well,', 'You people made that easy.'],
  ],
  ['mis-curled opening mark at a paragraph start', '”We tried everything,” the chief said.', ['We tried everything,']],
  ['mixed pair: straight opening, curly closing', 'It would take "more hours” before details emerge.', ['more hours']],
  [
    'mixed pairs, each followed by a quote that opens with a straight mark',
    '"And I asked, who approved this?” said Ana Quill. "And he said, the mayor."',
    ['And I asked, who approved this?', 'And he said, the mayor.'],
  ],
  [
    'a curly quote split by a straight closing and opening pair',
    '“When the records come out," he said, "people will understand.”',
    ['When the records come out,', 'people will understand.'],
  ],
  [
    'unclosed quote ends at its paragraph',
    '“We will rebuild the pier, she said.\n\nThe council met on Friday.',
    ['We will rebuild the pier, she said.'],
  ],
  [
    'missing closing mark before the next opening mark',
    '“First point, she said. “Second point.”',
    ['First point, she said.', 'Second point.'],
  ],
  [
    'multi-paragraph quote: one span per paragraph',
    '“The first part.\n\n“The second part.”',
    ['The first part.', 'The second part.'],
  ],
  ['stray closing mark is ignored', 'The vote was 5-2” and the session ended.', []],
  ['inch mark is not a quote', 'The statue is 6\'3" tall.', []],
  ['apostrophes are not quotes', "The students' union and Ana's bakery won't close.", []],
  ['headline single quotes', "Mayor calls budget 'a disaster'\n\nThe mayor spoke on Monday.", ['a disaster']],
  [
    'straight single quotes in body text are apostrophes',
    "The mayor's 'plan' failed.\n\nIt was the mayor's plan, and the voters' choice.\n\nMore text here for the body.",
    ['plan'],
  ],
  ['curly single quotes in body text', 'Critics called it ‘a mess’ on Tuesday.', ['a mess']],
  ['attribute values in markup are skipped', '<tweet id="123">The tweet.</tweet> And “this” counts.', ['this']],
];

describe('findQuoteSpans', () => {
  it.each(SPAN_ROWS)('%s', (_name, text, expected) => {
    // Prepare + Act
    const spans = findQuoteSpans(text);
    // Assess
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });

  it('marks continuation paragraphs of a multi-paragraph quote', () => {
    const text = '“One.\n\n“Two.\n\n“Three.”';
    const spans = findQuoteSpans(text);
    expect(spans.map((s) => [s.unclosed, s.continues])).toEqual([
      [true, false],
      [true, true],
      [false, true],
    ]);
  });
});
