/**
 * English given names and their usual gender, from `gender-detection-from-name` (~32,000 names, shared by the entity
 * resolver and the quote stage). The list is broad: it also holds words such as `West` and `Chicago`, so callers
 * treat a hit as weak evidence.
 *
 * The names come from `given-names-data.ts`, generated from the package by `scripts/gen-given-names.ts`: names of
 * one length in sorted order, concatenated, so a lookup is a binary search over fixed-width slots of one string and
 * importing the module builds nothing (the package's own module is a 32,000-entry object literal that costs a cold
 * process tens of milliseconds).
 */
import { GENDERS, NAMES } from './given-names-data.ts';

/** Slot of the lower-cased word in NAMES[word.length], or -1. */
function slotOf(lower: string): number {
  const n = lower.length;
  const names = NAMES[n];
  if (names === undefined || names.length === 0) return -1;
  let lo = 0;
  let hi = names.length / n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = mid * n;
    let cmp = 0;
    for (let i = 0; i < n; i++) {
      cmp = names.charCodeAt(at + i) - lower.charCodeAt(i);
      if (cmp !== 0) break;
    }
    if (cmp === 0) return mid;
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The lower-cased word's slot, or that of its letters without accents (`Lucía` → `lucia`, `José` → `jose`). */
function lookup(word: string): { lower: string; slot: number } {
  const lower = word.toLowerCase();
  const slot = slotOf(lower);
  if (slot >= 0 || !NON_ASCII.test(lower)) return { lower, slot };
  const plain = lower.normalize('NFD').replace(MARKS, '');
  return { lower: plain, slot: plain.length === lower.length ? slotOf(plain) : -1 };
}
const NON_ASCII = /[^ -~]/;
const MARKS = /\p{M}+/gu;

export function isGivenName(word: string): boolean {
  return lookup(word).slot >= 0;
}

/** `male`, `female`, or undefined when the word is not a listed given name. */
export function givenNameGender(word: string): string | undefined {
  const { lower, slot } = lookup(word);
  if (slot < 0) return undefined;
  return GENDERS[lower.length]?.charCodeAt(slot) === 109 /* m */ ? 'male' : 'female';
}
