import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../shared/pipeline/quotes/index.ts';
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

/**
 * Straight single marks as quote marks in body text (British style), in articles that also use double marks or quote
 * once: [name, input, quoted contents found, for each span whether it continues the previous paragraph's quote].
 * The first paragraph of each text is a full sentence, so that it is not read as a headline. All texts are invented.
 */
const STRAIGHT_SINGLE_ROWS: Array<[string, string, string[], boolean[]?]> = [
  [
    "single marks for speech, double marks for a scare quote: '…,' she said",
    'Dr Nell Osei said the nurses were "worn out".\n\n\'We cannot hire midwives quickly enough,\' she said.',
    ['worn out', 'We cannot hire midwives quickly enough,'],
  ],
  [
    'the only single-quoted quote of the article',
    "Dr Nell Osei said the nurses were worn out.\n\n'We cannot hire midwives quickly enough,' she said.",
    ['We cannot hire midwives quickly enough,'],
  ],
  [
    "'…,' said NAME and a second sentence in single marks after it",
    "The pier reopened on Monday.\n\n'It took two winters,' said Ivo Brandt. 'Every pile was rebuilt.' The town called it \"a miracle\".",
    ['It took two winters,', 'Every pile was rebuilt.', 'a miracle'],
  ],
  [
    "'…,' NAME's NOUN said: an apostrophe in the attribution",
    "The pier reopened on Monday after two years.\n\n'It took two winters,' the town's mayor said.",
    ['It took two winters,'],
  ],
  [
    'an opening mark after VERB: and after VERB,',
    "The head teacher wrote to parents.\n\nOmar Lisle said: 'We will lose three teachers.' Parents called it \"reckless\".\n\nHe added, 'Nobody asked the school.'",
    ['We will lose three teachers.', 'reckless', 'Nobody asked the school.'],
  ],
  [
    'a split quote in single marks',
    "The board met on Friday.\n\n'We tried,' the chair said, 'but the money ran out.' Staff were \"stunned\".",
    ['We tried,', 'but the money ran out.', 'stunned'],
  ],
  [
    'double marks inside a single-quoted quote are a quote inside that quote',
    'Ada Brook spoke last at the dinner.\n\n\'My mother always said "keep going", and so I did,\' she said.',
    ['My mother always said "keep going", and so I did,'],
  ],
  [
    'a quote in single marks over three paragraphs, in an article with double marks',
    "Kit Moss described her brother as \"a fixture\".\n\n'He never missed a match,' she said. 'Rain or shine he was there.\n\n'He knew every player by name.\n\n'We miss him.'",
    [
      'a fixture',
      'He never missed a match,',
      'Rain or shine he was there.',
      'He knew every player by name.',
      'We miss him.',
    ],
    [false, false, false, true, true],
  ],
  [
    'a quote in single marks over two paragraphs, in an article with single marks only',
    "Kit Moss remembered her brother.\n\n'He never missed a match,' she said. 'Rain or shine he was there.\n\n'He knew every player by name.'",
    ['He never missed a match,', 'Rain or shine he was there.', 'He knew every player by name.'],
    [false, false, true],
  ],
  [
    'a quote in curly single marks over two paragraphs',
    'Kit Moss described her brother as “a fixture”.\n\n‘He never missed a match,’ she said. ‘Rain or shine he was there.\n\n‘We miss him.’',
    ['a fixture', 'He never missed a match,', 'Rain or shine he was there.', 'We miss him.'],
    [false, false, false, true],
  ],
  [
    "punctuation outside the closing mark: '…', she said",
    'Dr Nell Osei said the nurses were "worn out".\n\n\'We cannot hire midwives quickly enough\', she said.',
    ['worn out', 'We cannot hire midwives quickly enough'],
  ],
  [
    "a partial quote in single marks ('…'.) in an article that quotes speech in single marks",
    "The club lost its appeal on Friday.\n\n'We will go on,' the club said. Its chairman called the ban 'a disgrace'. Fans were \"furious\".",
    ['We will go on,', 'a disgrace', 'furious'],
  ],
  // controls
  [
    "a word that starts with an apostrophe ('til) is no opening mark of a partial quote",
    "The club lost its appeal on Friday.\n\n'We will go on,' the club said. Fans stayed 'til the Joneses'. Others were \"furious\".",
    ['We will go on,', 'furious'],
  ],
  [
    "an elided word ('til) left open before a paragraph that opens with a quote is no multi-paragraph quote",
    "Sam Reyes said it was \"fine\".\n\n'We won,' he said. They played on, 'til dawn.\n\n'Nineties hits followed,' Reyes said.",
    ['fine', 'We won,', 'Nineties hits followed,'],
    [false, false, false],
  ],
  [
    'apostrophes stay apostrophes in an article that quotes in single marks',
    "The players' union met on Monday.\n\n'We agree with the fans,' the union said. The fans' anger was understandable, said Ma'am Ruiz of the Joneses' house, a fan of rock 'n' roll since the '90s. It's over.",
    ['We agree with the fans,'],
  ],
  [
    'apostrophes with no single-quoted speech in the article',
    "The players' union said the fans' anger was understandable.\n\nIt's rock 'n' roll, Ma'am, as in the '90s at the Joneses' house, he said \"twice\".",
    ['twice'],
  ],
  [
    'single marks inside a double-quoted quote (American style) do not break it',
    'Ana Ruiz spoke on Friday.\n\n"He told me \'never again,\' and meant it," she said.',
    ["He told me 'never again,' and meant it,"],
  ],
  [
    'a title in single marks with no speech in single marks in the article',
    'Sam Reyes said the show was "a triumph".\n\nThe choir sang \'Silent Night,\' and the hall went quiet.',
    ['a triumph'],
  ],
  [
    'an apostrophe left open before a paragraph that opens with one is no multi-paragraph quote',
    "Sam Reyes said it was \"fine\".\n\n'We won,' he said. They played rock music 'til dawn.\n\n'90s hits followed.",
    ['fine', 'We won,'],
  ],
];

describe('findQuoteSpans: single marks in body text', () => {
  it.each(STRAIGHT_SINGLE_ROWS)('%s', (_name, text, expected, continues) => {
    // Prepare + Act
    const spans = findQuoteSpans(text);
    // Assess
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(expected);
    if (continues) expect(spans.map((s) => s.continues)).toEqual(continues);
  });
});

/** The same texts through the quote stage: [name, input, direct and partial quotes with their speakers]. */
const STRAIGHT_SINGLE_QUOTE_ROWS: Array<[string, string, Array<{ text: string; speaker: string | null }>]> = [
  [
    'single marks for speech and double marks for a scare quote',
    'Dr Nell Osei said the nurses were "worn out".\n\n\'We cannot hire midwives quickly enough,\' she said.',
    [
      { text: 'worn out', speaker: 'Nell Osei' },
      { text: 'We cannot hire midwives quickly enough,', speaker: 'Nell Osei' },
    ],
  ],
  [
    'a nested double-quoted phrase is part of the outer quote, not a partial quote of its own',
    'Ada Brook spoke last at the dinner.\n\n\'My mother always said "keep going", and so I did,\' she said.',
    [{ text: 'My mother always said "keep going", and so I did,', speaker: 'Ada Brook' }],
  ],
  [
    'every paragraph of a multi-paragraph quote in single marks keeps its speaker',
    "Kit Moss described her brother as \"a fixture\".\n\n'He never missed a match,' she said. 'Rain or shine he was there.\n\n'He knew every player by name.\n\n'We miss him.'",
    [
      { text: 'a fixture', speaker: 'Kit Moss' },
      { text: 'He never missed a match,', speaker: 'Kit Moss' },
      { text: 'Rain or shine he was there.', speaker: 'Kit Moss' },
      { text: 'He knew every player by name.', speaker: 'Kit Moss' },
      { text: 'We miss him.', speaker: 'Kit Moss' },
    ],
  ],
  [
    'a quote containing `He said` is a direct quote, not reported speech',
    "Rui Sousa said his father worked until he was 90.\n\n'He said the sea was his only boss,' Sousa said.",
    [{ text: 'He said the sea was his only boss,', speaker: 'Rui Sousa' }],
  ],
  [
    'control: apostrophes give no quote',
    "The players' union said the fans' anger was understandable. It's rock 'n' roll, Ma'am, like the '90s at the Joneses' house.",
    [],
  ],
];

describe('extractQuotes: straight single marks in body text', () => {
  it.each(STRAIGHT_SINGLE_QUOTE_ROWS)('%s', (_name, text, expected) => {
    // Prepare + Act
    const got = extractQuotes(text, []).filter((q) => q.type !== 'indirect');
    // Assess
    expect(got.map((q) => ({ text: q.text, speaker: q.speaker }))).toEqual(expected);
  });
});

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
