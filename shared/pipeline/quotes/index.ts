import type { Entity, Quote } from '../types.ts';

/** PLACEHOLDER (replaced by the quotes work): text between curly/straight double quotes, no speaker. */
export function extractQuotes(text: string, _entities: Entity[]): Quote[] {
  const out: Quote[] = [];
  for (const m of text.matchAll(/[“"]([^”"\n]{1,2000})[”"]/g)) {
    const start = m.index + 1;
    out.push({
      text: m[1] ?? '',
      start,
      end: start + (m[1]?.length ?? 0),
      speaker: null,
      speakerMention: null,
      speakerEntityId: null,
      speakerType: 'unknown',
      verb: null,
      type: 'direct',
      confidence: 0.5,
    });
  }
  return out;
}
