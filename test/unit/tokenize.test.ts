import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../../shared/pipeline/tokenize.ts';

describe('tokenize', () => {
  it.each([
    ["Mali's army", ['Mali', "'s", 'army']],
    ['Mali’s army', ['Mali', '’s', 'army']],
    ["They don't know", ['They', 'do', "n't", 'know']],
    ["O'Brien said", ["O'Brien", 'said']],
    ['Capt. Amadou Touré', ['Capt.', 'Amadou', 'Touré']],
    ['the U.S.-led force', ['the', 'U.S.-led', 'force']],
    ['U.S. officials', ['U.S.', 'officials']],
    ['al-Qaida fighters', ['al-Qaida', 'fighters']],
    ['a 26-year-old man', ['a', '26-year-old', 'man']],
    ['won 6-4 on 1996-08-30', ['won', '6-4', 'on', '1996-08-30']],
    ['paid $23.4 million', ['paid', '$', '23.4', 'million']],
    ['20,000 people', ['20,000', 'people']],
    ['AT&T Inc. rose', ['AT&T', 'Inc.', 'rose']],
    ['John F. Kennedy', ['John', 'F.', 'Kennedy']],
    ['(ECOWAS)', ['(', 'ECOWAS', ')']],
    ['"Yes," she said.', ['"', 'Yes', ',', '"', 'she', 'said', '.']],
    ['“Yes,” she said…', ['“', 'Yes', ',', '”', 'she', 'said', '…']],
    ['wait -- here', ['wait', '--', 'here']],
    ['Bamako — Mali', ['Bamako', '—', 'Mali']],
    ['C$ 15 in the 1990s', ['C$', '15', 'in', 'the', '1990s']],
    ['Tampa, Fla., and', ['Tampa', ',', 'Fla.', ',', 'and']],
    ['He was ill. Then', ['He', 'was', 'ill', '.', 'Then']],
    ['He works for Acme Corp.\nNext', ['He', 'works', 'for', 'Acme', 'Corp', '.', 'Next']],
    ['He works for Acme Corp.', ['He', 'works', 'for', 'Acme', 'Corp', '.']],
  ])('%s', (input, expected) => {
    // Act
    const tokens = tokenize(input);

    // Assess
    expect(tokens.map((t) => t.text)).toEqual(expected);
    for (const t of tokens) expect(input.slice(t.start, t.end)).toBe(t.text);
  });

  it('gives offsets into the original text, whitespace and newlines included', () => {
    // Prepare
    const text = '  Nuland\n\n told   Reuters. ';

    // Act
    const tokens = tokenize(text);

    // Assess
    expect(tokens).toEqual([
      { text: 'Nuland', start: 2, end: 8 },
      { text: 'told', start: 11, end: 15 },
      { text: 'Reuters', start: 18, end: 25 },
      { text: '.', start: 25, end: 26 },
    ]);
  });
});

describe('splitSentences', () => {
  it.each([
    ['Capt. Touré arrived. He spoke.', ['Capt. Touré arrived.', 'He spoke.']],
    ['"We are ready." Then he left.', ['"We are ready."', 'Then he left.']],
    ['Prices rose 3.5 percent. Stocks fell!', ['Prices rose 3.5 percent.', 'Stocks fell!']],
    ['Is it over? Yes.', ['Is it over?', 'Yes.']],
    ['First line\nSecond line', ['First line', 'Second line']],
    ['He met Mr. Diallo in the U.S. on Friday.', ['He met Mr. Diallo in the U.S. on Friday.']],
    ['It ended in the U.S. The talks resume Monday.', ['It ended in the U.S.', 'The talks resume Monday.']],
    ['the price. and more', ['the price. and more']],
    ['Tampa, Fla. Officials said so.', ['Tampa, Fla. Officials said so.']],
    ['"It is over," he said. "\nNext line', ['"It is over," he said. "', 'Next line']],
    ['He said. "We won."', ['He said.', '"We won."']],
    ['7. Al Unser Jr (U.S.)', ['7. Al Unser Jr (U.S.)']],
  ])('%s', (input, expected) => {
    // Act
    const sentences = splitSentences(input);

    // Assess
    expect(sentences.map((s) => input.slice(s.start, s.end))).toEqual(expected);
  });
});
