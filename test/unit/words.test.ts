/** The article's word count (`wordCount` on every record) and the quote stage's length rules. */
import { describe, expect, it } from 'vitest';
import { countWords } from '../../shared/pipeline/words.ts';

describe('countWords counts words as a reader would', () => {
  it.each([
    ['', 0],
    ['The ferry leaves at 9.', 5],
    ["Don't wait for the U.S. team's co-author.", 7],
    ['Port Alder — a town of 4,200 people', 7],
    ['Red, green, blue', 3],
    // scripts without spaces: one word per two characters, plus the run itself
    ['港口将于周一重新开放', 6],
    ['The ferry 港口 reopens', 5],
  ])('%j → %i', (text, words) => {
    // Act + Assess
    expect(countWords(text)).toBe(words);
  });
});
