/** `mapPacked` is `Array.prototype.map` (built by pushes, so the array is packed in every tier of V8). */
import { describe, expect, it } from 'vitest';
import { mapPacked } from '../../shared/pipeline/arrays.ts';

describe('mapPacked', () => {
  it('gives what Array.prototype.map gives, index included', () => {
    // Prepare: arrays of 0 to 40 numbers, strings and objects
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const inputs = Array.from({ length: 200 }, (_, n) =>
      Array.from({ length: n % 41 }, () => {
        const x = next();
        return x % 3 === 0 ? x : x % 3 === 1 ? `w${x}` : { x };
      }),
    );
    const f = (v: number | string | { x: number }, i: number) => `${i}:${typeof v === 'object' ? v.x : v}`;

    // Act + Assess
    for (const xs of inputs) expect(mapPacked(xs, f)).toEqual(xs.map(f));
  });
});
