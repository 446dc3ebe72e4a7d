/**
 * Named entities: a greedy averaged-perceptron BILOU tagger (see docs/entities.md) and within-article resolution.
 */
import type { Entity, Mention } from '../types.ts';
import { MODEL, MODEL_VERSION } from './model.ts';
import { resolveMentions } from './resolve.ts';
import { tagWithModel } from './tagger.ts';

export { entityAt, findEntityByMention } from './resolve.ts';
export { MODEL_VERSION };

/** Typed mentions (tagger output, before resolution), offsets into `text`. */
export function tagMentions(text: string): Mention[] {
  return tagWithModel(MODEL, text);
}

/** Group mentions into one entity per real-world thing (surnames, acronyms, possessives handled). */
export function resolveEntities(text: string, mentions: Mention[]): Entity[] {
  return resolveMentions(text, mentions);
}

export function extractEntities(text: string): Entity[] {
  return resolveEntities(text, tagMentions(text));
}
