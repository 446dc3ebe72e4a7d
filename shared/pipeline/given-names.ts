/**
 * English given names and their usual gender, from `gender-detection-from-name` (one map of ~32,000 names, loaded
 * once for both the entity resolver and the quote stage). The list is broad: it also holds words such as `West` and
 * `Chicago`, so callers treat a hit as weak evidence.
 */
import enNames from 'gender-detection-from-name/names/en.js';

const NAMES = enNames as Map<string, string>;

export function isGivenName(word: string): boolean {
  return NAMES.has(word.toLowerCase());
}

/** `male`, `female`, or undefined when the word is not a listed given name. */
export function givenNameGender(word: string): string | undefined {
  return NAMES.get(word.toLowerCase());
}
