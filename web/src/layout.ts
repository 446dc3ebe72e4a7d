/**
 * Pure text layout for the article page: splits the cleaned text into paragraphs and, inside each, into plain text,
 * quote highlights and entity mentions. Offsets are JS string indices into the text, half-open, as the API gives
 * them. Quotes may span paragraphs (they are cut into one piece per paragraph); mentions are cut at quote edges so
 * the result nests: paragraph → (text | mention | quote → (text | mention)).
 */

export interface Span {
  start: number;
  end: number;
}

export type Inline =
  | { kind: 'text'; start: number; text: string }
  | { kind: 'mention'; start: number; text: string; entity: number };

export type Piece =
  | Inline
  | {
      kind: 'quote';
      start: number;
      end: number;
      /** Index into the `quotes` argument. */
      quote: number;
      /** True for the piece where the quote begins (the one the panel links to). */
      first: boolean;
      children: Inline[];
    };

export interface Block extends Span {
  pieces: Piece[];
}

interface Indexed extends Span {
  index: number;
}

/** Valid, non-overlapping spans sorted by start (earlier, then longer, wins an overlap). */
function usable(spans: readonly Span[], length: number): Indexed[] {
  const valid = spans
    .map((s, index) => ({ start: Math.max(0, s.start), end: Math.min(length, s.end), index }))
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
  const out: Indexed[] = [];
  for (const span of valid) {
    const last = out[out.length - 1];
    if (!last || span.start >= last.end) out.push(span);
  }
  return out;
}

/** Paragraphs: runs of text separated by blank lines, with their offsets. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    if (match.index > start) out.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

export function layoutText(
  text: string,
  quotes: readonly Span[],
  mentions: ReadonlyArray<Span & { entity: number }>,
): Block[] {
  const quoteSpans = usable(quotes, text.length);
  const mentionSpans = usable(mentions, text.length).map((m) => ({ ...m, entity: mentions[m.index]?.entity ?? -1 }));

  function inlines(from: number, to: number): Inline[] {
    const out: Inline[] = [];
    let at = from;
    for (const m of mentionSpans) {
      if (m.end <= from || m.start >= to) continue;
      const start = Math.max(m.start, from);
      const end = Math.min(m.end, to);
      if (start > at) out.push({ kind: 'text', start: at, text: text.slice(at, start) });
      out.push({ kind: 'mention', start, text: text.slice(start, end), entity: m.entity });
      at = end;
    }
    if (at < to) out.push({ kind: 'text', start: at, text: text.slice(at, to) });
    return out;
  }

  const begun = new Set<number>();
  return paragraphs(text).map(({ start: blockStart, end: blockEnd }) => {
    const pieces: Piece[] = [];
    let at = blockStart;
    for (const q of quoteSpans) {
      if (q.end <= blockStart || q.start >= blockEnd) continue;
      const start = Math.max(q.start, blockStart);
      const end = Math.min(q.end, blockEnd);
      pieces.push(...inlines(at, start));
      const first = !begun.has(q.index);
      begun.add(q.index);
      pieces.push({ kind: 'quote', start, end, quote: q.index, first, children: inlines(start, end) });
      at = end;
    }
    pieces.push(...inlines(at, blockEnd));
    return { start: blockStart, end: blockEnd, pieces };
  });
}
