import type { Entity, Mention } from '../types.ts';

/** PLACEHOLDER (replaced by the entities work). */
export const MODEL_VERSION = 'none';

export function tagMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)+/g)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], type: 'PERSON' });
  }
  return out;
}

export function resolveEntities(_text: string, mentions: Mention[]): Entity[] {
  const byName = new Map<string, Entity>();
  for (const m of mentions) {
    const id = `${m.type}:${m.text.toLowerCase()}`;
    const e = byName.get(id) ?? {
      id,
      name: m.text,
      type: m.type,
      aliases: [],
      mentions: [],
      count: 0,
      firstStart: m.start,
      salience: 0,
    };
    e.mentions.push({ start: m.start, end: m.end, text: m.text });
    e.count++;
    byName.set(id, e);
  }
  return [...byName.values()];
}

export function extractEntities(text: string): Entity[] {
  return resolveEntities(text, tagMentions(text));
}
