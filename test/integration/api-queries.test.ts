/**
 * "Who said what, about whom" across articles, on the real local pipeline; and every route's real responses
 * validated against the OpenAPI document the API serves.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/local/stack.ts';
import { articleIdForKey } from '../../shared/ids.ts';
import { startTestStack } from '../support/stack.ts';

let stack: LocalStack;
/** Every response seen, to validate against the OpenAPI document at the end. */
const seen: Array<{ path: string; status: number; body: unknown }> = [];

function article(day: string, topic: string) {
  return JSON.stringify({
    title: `Transit board weighs ${topic}`,
    published: `${day}T08:00:00Z`,
    body: [
      `HARROWGATE — The Lakeshore Transit Authority met on ${day} to discuss ${topic}.`,
      `“We will publish the full plan for ${topic} before the summer,” said Renée Dubois, the authority’s chair.`,
      `The board also heard from residents of the Northfield district, who asked for later buses on weekends.`,
    ].join('\n\n'),
  });
}

async function api(path: string, init?: RequestInit) {
  const res = await fetch(`${stack.apiUrl}${path}`, init);
  const body = JSON.parse(await res.text());
  seen.push({ path, status: res.status, body });
  return { status: res.status, body, headers: res.headers };
}

beforeAll(async () => {
  stack = await startTestStack();
  const days = [
    ['raw/transit/jan.json', '2026-01-10', 'night buses'],
    ['raw/transit/mar.json', '2026-03-05', 'fare caps'],
    ['raw/transit/feb.json', '2026-02-01', 'ferry links'],
  ];
  for (const [key, day, topic] of days) {
    await stack.s3.send(
      new PutObjectCommand({
        Bucket: stack.bucket,
        Key: key,
        Body: article(day as string, topic as string),
        ContentType: 'application/json',
      }),
    );
  }
  await stack.idle();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe('quotes by speaker across articles', () => {
  it('returns the same speaker’s quotes newest first, with paging, whatever the case and accents', async () => {
    // Act
    const first = await api('/speakers/renee%20DUBOIS/quotes?limit=2');
    const second = await api(`/speakers/Ren%C3%A9e%20Dubois/quotes?limit=2&cursor=${first.body.nextCursor}`);
    // Assess
    expect(first.status).toBe(200);
    const dates = [...first.body.items, ...second.body.items].map((q: any) => q.articleDate.slice(0, 10));
    expect(dates).toEqual(['2026-03-05', '2026-02-01', '2026-01-10']);
    expect(first.body.items[0].text).toContain('fare caps');
    expect(first.body.items[0].articleTitle).toBe('Transit board weighs fare caps');
    expect(second.body.nextCursor).toBeNull();
  });

  it('lists each speaker once in the directory, by prefix', async () => {
    const { body } = await api('/speakers?prefix=ren');
    expect(body.items.filter((s: any) => s.name === 'Renée Dubois')).toHaveLength(1);
  });
});

describe('articles by entity', () => {
  it('finds every article that mentions an organisation, newest first', async () => {
    // Act
    const { status, body } = await api('/entities/organization/lakeshore%20transit%20authority/articles');
    // Assess
    expect(status).toBe(200);
    expect(body.items.map((a: any) => a.articleId)).toEqual(
      ['raw/transit/mar.json', 'raw/transit/feb.json', 'raw/transit/jan.json'].map(articleIdForKey),
    );
  });

  it('lists entity names by type and prefix', async () => {
    const { body } = await api('/entities?type=ORGANIZATION&prefix=lakeshore');
    expect(body.items.map((e: any) => e.name)).toContain('Lakeshore Transit Authority');
    const all = await api('/entities?limit=100');
    expect(all.body.items.length).toBeGreaterThan(1);
  });
});

describe('validation', () => {
  it.each([
    '/speakers?cursor=abc',
    '/speakers/x/quotes?cursor=eyJmb28iOjF9',
    '/entities?type=PLANET',
    '/entities/PLANET/mars/articles',
    '/entities?cursor=eyJ0IjoiRU5BTUVTI1BFUlNPTiMiLCJzIjoiISIsImEiOiIifQ',
    `/articles/${articleIdForKey('raw/transit/jan.json')}/quotes?cursor=eyJwayI6IkEjeCIsInNrIjoiViMxI1EjMSJ9`,
  ])('GET %s → 400 with a JSON error', async (path) => {
    const { status, body } = await api(path);
    expect(status).toBe(400);
    expect(body.error.code).toMatch(/BAD_/);
  });

  it('gzips large responses for clients that accept it', async () => {
    const res = await fetch(`${stack.apiUrl}/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await res.json()).openapi).toBe('3.1.0'); // fetch decompresses
    const plain = await fetch(`${stack.apiUrl}/openapi.json`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });
});

describe('the OpenAPI document', () => {
  it('describes every route, and every real response seen matches it', async () => {
    // Prepare: touch every route once more.
    const id = articleIdForKey('raw/transit/feb.json');
    for (const path of [
      '/health',
      '/articles',
      `/articles/${id}`,
      `/articles/${id}/status`,
      `/articles/${id}/quotes`,
      `/articles/${id}/entities`,
      '/articles/ffffffffffffffffffffffff',
      '/speakers',
      '/entities?type=LOCATION',
    ]) {
      await api(path);
    }
    const { body: doc } = await api('/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(schema as object, name);
    const templates = Object.keys(doc.paths).map((t: string) => ({
      t,
      re: new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
    }));
    // Act + Assess
    let checked = 0;
    for (const { path, status, body } of seen) {
      const template = templates.find(({ re }) => re.test(path.split('?')[0] ?? ''));
      expect(template, `no OpenAPI path for ${path}`).toBeDefined();
      if (template?.t === '/openapi.json') continue;
      const responses = doc.paths[template!.t].get.responses;
      const ref: string = (responses[status] ?? responses.default).content['application/json'].schema.$ref;
      const validate = ajv.getSchema(ref.split('/').pop()!)!;
      expect(validate(body), `${path} (${status}): ${ajv.errorsText(validate.errors)}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});
