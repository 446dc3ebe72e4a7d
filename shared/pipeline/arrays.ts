/**
 * `xs.map(f)`, built as a packed array in every tier of the JavaScript engine.
 *
 * V8's optimising compiler (TurboFan) builds the result of an inlined `Array.prototype.map` as a holey array, while
 * the interpreter and the baseline compiler build a packed one. Code that reads such an array is optimised for the
 * packed kind it saw while warming up; once the producer is optimised too, the reader deoptimises ("wrong map") and
 * is compiled again, one site at a time. Entity resolution, a function of map chains, was recompiled about three
 * times in each bench run at some 100 ms of compiler CPU each (`node --trace-deopt`). A loop that pushes builds the
 * same packed array in every tier. Use it for arrays that other code reads on every article.
 */
export function mapPacked<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]!, i));
  return out;
}
