import type { Entity, Quote } from '../types.ts';
import { findQuoteSpans } from './spans.ts';

export function extractQuotes(text: string, _entities: Entity[]): Quote[] {
  return findQuoteSpans(text).map((s) => ({
    text: text.slice(s.start, s.end),
    start: s.start,
    end: s.end,
    speaker: null,
    speakerMention: null,
    speakerEntityId: null,
    speakerType: 'unknown',
    verb: null,
    type: 'direct',
    confidence: 0.5,
  }));
}
