/**
 * Character classes for the cleaner's hand-written scanners (word counts, comparison keys, word lists): the
 * Unicode properties `\p{L}` (letter), `\p{N}` (number) and `\p{M}` (mark) of the regular expressions they
 * replace, for the characters of Latin-script text (ASCII, Latin-1, Latin Extended-A/B, IPA, combining accents,
 * General Punctuation). Any other character is UNKNOWN: the scanners then hand the whole text to the regular
 * expression they replace, so results never depend on this table being complete. Nothing is built at load
 * (building a table from `\p{…}` regexes costs ~10 ms of cold start); a unit test checks every entry against them.
 */

export const LETTER = 1;
export const NUMBER = 2;
export const MARK = 4;
export const UNKNOWN = -1;

/** The classes (bit set of LETTER, NUMBER, MARK) of code unit `c`, or UNKNOWN outside the ranges listed above. */
export function latinClass(c: number): number {
  if (c < 0x80) {
    if (c >= 97) return c <= 122 ? LETTER : 0;
    if (c >= 65) return c <= 90 ? LETTER : 0;
    return c >= 48 && c <= 57 ? NUMBER : 0;
  }
  if (c < 0x100) {
    // Latin-1: letters À-ÿ but × and ÷, ª µ º; numbers ² ³ ¹ ¼ ½ ¾.
    if (c >= 0xc0) return c === 0xd7 || c === 0xf7 ? 0 : LETTER;
    if (c === 0xaa || c === 0xb5 || c === 0xba) return LETTER;
    if (c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe)) return NUMBER;
    return 0;
  }
  if (c < 0x2b0) return LETTER; // Latin Extended-A and -B, IPA Extensions
  if (c >= 0x300 && c < 0x370) return MARK; // Combining Diacritical Marks
  if (c >= 0x2000 && c < 0x2070) return 0; // General Punctuation: spaces, dashes, quotes, invisible operators
  return UNKNOWN;
}

/** ASCII letters, by code. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** ASCII letters and digits, by code. */
export function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57);
}

/** JavaScript's `\s` (what `String.prototype.trim` and `/\s/` match). */
export function isJsSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c > 127 &&
      (c === 160 ||
        c === 5760 ||
        (c >= 8192 && c <= 8202) ||
        c === 8232 ||
        c === 8233 ||
        c === 8239 ||
        c === 8287 ||
        c === 12288 ||
        c === 65279))
  );
}
