/** Word tokens with offsets, over the masked text (a masked quote is one token `Q`). */
import { MASK } from './sentences.ts';

export interface Tok {
  s: number;
  e: number;
  /** Surface form; `Q` for a masked quote. */
  w: string;
  /** Lower-cased surface form. */
  l: string;
  kind: 'word' | 'punct' | 'quote';
}

const TOKEN_RE = new RegExp(
  `${MASK}+|(?:\\p{L}\\.){2,}|\\p{L}[\\p{L}\\p{M}\\p{N}]*(?:[’'\\-.][\\p{L}\\p{N}]+)*(?:['’]s)?\\.?|\\p{N}[\\p{L}\\p{N}]*(?:[-–][\\p{L}\\p{N}]+)+|\\p{N}[\\p{N},.:]*\\p{N}|\\p{N}|[^\\s\\p{L}\\p{N}]`,
  'gu',
);

/** Titles and abbreviations that keep their trailing full stop. */
const KEEP_DOT =
  /^(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen|lt|col|capt|sgt|adm|st|jr|sr|rev|del|sens|reps|ft|mt|u\.s|d\.c|(?:\p{L}\.)+\p{L}|\p{Lu})\.$/iu;

export function tokenize(masked: string, lo: number, hi: number): Tok[] {
  const out: Tok[] = [];
  const slice = masked.slice(lo, hi);
  for (const m of slice.matchAll(TOKEN_RE)) {
    let w = m[0];
    const s = lo + m.index;
    if (w[0] === MASK) {
      out.push({ s, e: s + w.length, w: 'Q', l: 'q', kind: 'quote' });
      continue;
    }
    if (w.length > 1 && w.endsWith('.') && !KEEP_DOT.test(w)) {
      w = w.slice(0, -1);
      out.push({ s, e: s + w.length, w, l: w.toLowerCase(), kind: 'word' });
      out.push({ s: s + w.length, e: s + w.length + 1, w: '.', l: '.', kind: 'punct' });
      continue;
    }
    const kind = /[\p{L}\p{N}]/u.test(w) ? 'word' : 'punct';
    out.push({ s, e: s + w.length, w, l: w.toLowerCase(), kind });
  }
  return out;
}

export function isCap(t: Tok | undefined): boolean {
  return !!t && t.kind === 'word' && /^\p{Lu}/u.test(t.w);
}
