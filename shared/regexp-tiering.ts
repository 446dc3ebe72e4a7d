/**
 * Imported first by the clean and annotate Lambda entries (`functions/clean.ts`, `functions/annotate.ts`; the api
 * function runs few regular expressions), for its side effect: V8 compiles each regular expression created from now
 * on straight to machine code on its first use, instead of first to bytecode for its interpreter and again to machine
 * code on its second use (`--regexp-tier-up-ticks=0`).
 *
 * Why: a cold start compiles the pipeline's ~170 regular expressions (many with `\p{…}` classes, costly to compile)
 * during the first event, and nearly all of them run more than once per article, so tier-up compiled most of them
 * twice. With no interpreter ticks, the first `extractEntities` + `extractQuotes` of a fresh process costs about a
 * third less CPU (76 → 50 ms on a 1,700-character article) and the annotate function's cold start about 30 ms less
 * process CPU (`npm run bench -- --only cold`, bench/RESULTS.md); warm runs are unchanged (both end up in machine
 * code). Results are the same: the interpreter and the compiled code implement the same matching.
 *
 * Lambda's NODE_OPTIONS does not accept V8 flags, so the flag is set from code (Node keeps V8's flags writable for
 * `setFlagsFromString`). Not `--no-regexp-tier-up`, which gives the same first-event gain: it switches the tiering mode
 * off for regular expressions that the runtime (or a test runner) already compiled to bytecode, and a vitest worker
 * running the local stack then died in `test/integration/fuzz.test.ts` (3 runs of 3). The tick count is only read
 * when a regular expression is created, so this flag leaves those alone: they tier up as before.
 *
 * A process that imports a handler (the Lambda runtime, the local stack of `scripts/local`) gets the flag; the
 * pipeline used on its own (scripts, the bench's throughput runs, unit tests) keeps V8's default.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--regexp-tier-up-ticks=0');
