/**
 * Words as a reader counts them, for the article's `wordCount` and the quote stage's length rules: runs of letters
 * and digits, with inner apostrophes, dots and hyphens kept inside the word (`don't`, `U.S.`, `co-author` are one
 * word each), and so are thousands separators (`4,200`). Scripts written without spaces (Chinese, Japanese, Thai, …)
 * count one word per two of their characters, the usual rough equivalent. (The cleaning stage has its own cheaper
 * count of letter runs for its block rules: `clean-common.ts` `wordCount`.)
 */
const WORD = /[\p{L}\p{N}]+(?:(?:['’.-]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{N}]+)*/gu;
const UNSPACED_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
/** Code-unit ranges that hold every character of UNSPACED_CHAR: a cheap test before the per-character count. */
const MAYBE_UNSPACED =
  /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u2e80-\u2fdf\u3000-\u9fff\ua9e0-\ua9ff\uaa60-\uaa7f\uf900-\ufaff\uff66-\uff9f\ud800-\udbff]/;

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  if (!MAYBE_UNSPACED.test(text)) return n;
  const unspaced = text.match(UNSPACED_CHAR)?.length ?? 0;
  return unspaced > 0 ? n + Math.floor(unspaced / 2) : n;
}
