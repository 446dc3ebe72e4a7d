/**
 * API fuzz: 10,000 generated requests against the local HTTP API (the real api handler on DynamoDB Local), from a
 * seeded PRNG so every run sends the same requests: random and real route shapes, methods, query strings, cursors
 * (random, truncated real ones, base64 of random JSON), ids and names with odd bytes, huge and negative limits.
 * Asserts: no 5xx, and no body carries a stack trace, a source path or an error class dump.
 */
import { Agent, request } from 'node:http';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/local/stack.ts';
import { prng } from '../fixtures/bad/corpus.ts';
import { startTestStack } from '../support/stack.ts';

const REQUESTS = 10_000;
const CONCURRENCY = 4;
const SEED = 20_261_127;

const SEED_ARTICLES = [
  [
    'raw/fuzz/harbour.txt',
    'Harbour Toll Scrapped\n\nBRIGHTMOOR — The Brightmoor Harbour Board scrapped the toll on Tuesday.\n\n“Fishermen paid enough this year,” said board chair Nadia Ferreira.',
  ],
  [
    'raw/fuzz/library.txt',
    'Library Reopens\n\nORSK — The Orsk library reopened after repairs, the Orsk Island Council said.\n\n“Come and read,” librarian Jonas Akerberg said.',
  ],
  [
    'raw/fuzz/bridge.txt',
    'Bridge Vote Delayed\n\nPORT AMSEL — The Port Amsel council delayed its bridge vote.\n\n“We need the survey first,” said Tomasz Kowalczyk of the planning office.',
  ],
] as const;

/** What a response body must never contain. */
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\n\s*at \S|\bat (?:async )?\S+ \(|at <anonymous>/],
  ['a source path', /\/(?:work|home|var|tmp|opt|usr)\/|node_modules|\.(?:ts|js|mjs|cjs):\d+/],
  [
    'an error class dump',
    /\b(?:Type|Range|Reference|Syntax|Eval|URI|Zod|Validation|ResourceNotFound|ConditionalCheckFailed)?(?:Error|Exception): /,
  ],
  ['an internal detail', /DynamoDB|ECONNREFUSED|\bundefined\b|\[object Object\]|prototype/],
];

let stack: LocalStack;
let ids: string[] = [];
let realCursors: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  for (const [key, body] of SEED_ARTICLES) {
    await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body }));
  }
  await stack.idle();
  const list = (await (await fetch(`${stack.apiUrl}/articles?limit=1`)).json()) as {
    items: { id: string }[];
    nextCursor: string | null;
  };
  const all = (await (await fetch(`${stack.apiUrl}/articles?limit=100`)).json()) as { items: { id: string }[] };
  ids = all.items.map((a) => a.id);
  realCursors = list.nextCursor ? [list.nextCursor] : [];
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

interface Generated {
  method: string;
  path: string;
}

function generator(seed: number) {
  const rand = prng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const chance = (p: number) => rand() < p;

  /** A path segment of random bytes: raw latin-1 (what Node lets through) or percent-encoded (any byte). */
  const oddSegment = (): string => {
    const length = pick([0, 1, 3, 12, 40, 300]);
    let out = '';
    for (let i = 0; i < length; i++) {
      const byte = int(256);
      if (byte >= 0x21 && byte <= 0xff && byte !== 0x2f && byte !== 0x3f && byte !== 0x23 && chance(0.5)) {
        out += String.fromCharCode(byte);
      } else {
        out += `%${byte.toString(16).padStart(2, '0').toUpperCase()}`;
      }
    }
    return pick([out, `${out}%`, `${out}%E0%A4%A`, `%${out}`, out]);
  };
  const id = (): string =>
    pick([
      () => pick(ids),
      () => pick(ids).toUpperCase(),
      () => `${pick(ids)}0`,
      () => pick(ids).slice(0, 23),
      () => Array.from({ length: 24 }, () => '0123456789abcdef'[int(16)]).join(''),
      () => '..%2F..%2Fetc%2Fpasswd',
      () => '%00',
      () => encodeURIComponent('Ærøskøbing 🚢 "quoted" <b>'),
      oddSegment,
    ])();
  const name = (): string =>
    pick([
      () => encodeURIComponent(pick(['Nadia Ferreira', 'nadia ferreira', 'Jonas Akerberg', 'Zoë', ' ', '%', '*'])),
      () => encodeURIComponent('x'.repeat(pick([199, 200, 201, 5000]))),
      oddSegment,
    ])();
  const base64 = (text: string) => Buffer.from(text, 'utf8').toString(pick(['base64', 'base64url']));
  const randomJson = (depth = 0): unknown => {
    const kind = int(depth > 3 ? 4 : 7);
    if (kind === 0) return int(1e9) - 5e8;
    if (kind === 1) return oddSegment();
    if (kind === 2) return pick([null, true, false, 1e308, -0]);
    if (kind === 3) return '';
    if (kind === 4) return Array.from({ length: int(4) }, () => randomJson(depth + 1));
    const object: Record<string, unknown> = {};
    for (const key of ['m', 'k', 'pk', 'sk', 'gsi1pk', 'gsi1sk', 's', 't', 'a', '__proto__', 'constructor']) {
      if (chance(0.35)) object[key] = randomJson(depth + 1);
    }
    return object;
  };
  const cursor = (): string =>
    pick([
      () => oddSegment(),
      () => (realCursors.length ? pick(realCursors).slice(0, int(pick(realCursors).length)) : 'abc'),
      () => (realCursors.length ? `${pick(realCursors)}x` : 'abc'),
      () => encodeURIComponent(base64(JSON.stringify(randomJson()))),
      () => encodeURIComponent(base64(JSON.stringify({ m: '2026-11', k: randomJson() }))),
      () => encodeURIComponent(base64('{"pk":"A#x","sk":"V#'.repeat(int(50)))),
      () => 'A'.repeat(pick([1, 2047, 2048, 2049, 10_000])),
      () => '',
    ])();
  const limit = (): string =>
    pick([
      '1',
      '20',
      '100',
      '101',
      '0',
      '-1',
      '-99999999999',
      '1e30',
      '1.5',
      '0x10',
      'NaN',
      'Infinity',
      '',
      'abc',
      '%00',
      '99999999999999999999999',
    ]);
  const query = (): string => {
    if (chance(0.25)) return '';
    const parts: string[] = [];
    const count = 1 + int(4);
    for (let i = 0; i < count; i++) {
      const key = pick(['limit', 'cursor', 'status', 'type', 'prefix', 'limit', 'cursor', 'x', '', '%FF', 'limit[]']);
      const value =
        key === 'limit'
          ? limit()
          : key === 'cursor'
            ? cursor()
            : key === 'status'
              ? pick(['PROCESSED', 'REJECTED', 'FAILED', 'processed', 'LOST', ''])
              : key === 'type'
                ? pick(['PERSON', 'ORGANIZATION', 'LOCATION', 'person', 'MISC', oddSegment()])
                : oddSegment();
      parts.push(chance(0.1) ? key : `${key}=${value}`);
    }
    return `?${parts.join(pick(['&', '&', '&&', ';']))}`;
  };
  const path = (): string =>
    pick([
      () => '/',
      () => '/health',
      () => '/openapi.json',
      () => '/articles',
      () => `/articles/${id()}`,
      () => `/articles/${id()}/quotes`,
      () => `/articles/${id()}/entities`,
      () => `/articles/${id()}/status`,
      () => `/articles/${id()}/${oddSegment()}`,
      () => '/speakers',
      () => `/speakers/${name()}/quotes`,
      () => '/entities',
      () => `/entities/${pick(['PERSON', 'ORGANIZATION', 'LOCATION', 'person', oddSegment()])}/${name()}/articles`,
      () => `/${oddSegment()}`,
      () => `/${oddSegment()}/${oddSegment()}/${oddSegment()}`,
      () => `//articles//${id()}//`,
      () => `/articles/${'a/'.repeat(int(200))}`,
      () => `/${'x'.repeat(pick([1000, 8000]))}`,
    ])();
  return (): Generated => ({
    method: pick(['GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']),
    path: `${path()}${query()}`,
  });
}

function send(agent: Agent, base: URL, generated: Generated): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: generated.method,
        path: generated.path,
        headers:
          generated.method === 'GET' || generated.method === 'HEAD' ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (generated.method !== 'GET' && generated.method !== 'HEAD') req.write('{"x":1}');
    req.end();
  });
}

describe(`API fuzz: ${REQUESTS} seeded requests`, () => {
  it('never answers 5xx, and no body leaks a stack trace, a path or an internal error', async () => {
    // Prepare
    const next = generator(SEED);
    const requests = Array.from({ length: REQUESTS }, next);
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const base = new URL(stack.apiUrl);
    const byStatus = new Map<number, number>();
    const problems: string[] = [];

    // Act
    let cursor = 0;
    const worker = async () => {
      while (cursor < requests.length) {
        const generated = requests[cursor++] as Generated;
        const { status, body } = await send(agent, base, generated);
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        if (status >= 500)
          problems.push(`${status} ${generated.method} ${generated.path.slice(0, 200)}: ${body.slice(0, 200)}`);
        for (const [what, pattern] of LEAKS) {
          if (pattern.test(body)) {
            problems.push(
              `${what} in ${generated.method} ${generated.path.slice(0, 200)} → ${status}: ${body.slice(0, 300)}`,
            );
          }
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();

    // Assess
    const summary = [...byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
    console.log(`fuzz: ${REQUESTS} requests, seed ${SEED}, statuses { ${summary.join(', ')} }`);
    expect([...byStatus.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(byStatus.get(200) ?? 0).toBeGreaterThan(REQUESTS / 20); // real routes were hit, not only errors
  }, 240_000);
});
