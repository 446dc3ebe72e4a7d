import { describe, expect, it } from 'vitest';
import { toHttpResult } from '../../shared/api/http.ts';
import { createRouter } from '../../shared/api/router.ts';
import type { ArticleStore } from '../../shared/store/article-store.ts';

/** Requests that must be answered before any storage is touched: the store here throws if used. */
const untouchable = new Proxy({} as ArticleStore, {
  get: () => () => {
    throw new Error('store must not be called');
  },
});
const route = createRouter(untouchable);

describe('router answers without touching storage', () => {
  it.each([
    ['POST', '/articles', 405, 'METHOD_NOT_ALLOWED'],
    ['DELETE', '/articles/0123456789abcdef01234567', 405, 'METHOD_NOT_ALLOWED'],
    ['GET', '/articles?x', 404, 'NOT_FOUND'],
    ['GET', '/articles/not-an-id', 404, 'NOT_FOUND'],
    ['GET', '/articles/%ZZ', 400, 'BAD_REQUEST'],
    ['GET', '/entities/PLANET/mars/articles', 400, 'BAD_REQUEST'],
    ['GET', '/speakers/%20/quotes', 400, 'BAD_REQUEST'],
    ['GET', '/nope', 404, 'NOT_FOUND'],
  ])('%s %s → %i %s', async (method, path, status, code) => {
    // Act
    const response = await route({ method, path, query: {} });
    // Assess
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it.each([[{ limit: 'ten' }], [{ limit: '-1' }], [{ limit: '2.5' }], [{ status: 'DONE' }]])(
    'rejects bad query %j with 400',
    async (query) => {
      const response = await route({ method: 'GET', path: '/articles', query });
      expect(response.status).toBe(400);
    },
  );

  it('serves the OpenAPI document and health', async () => {
    const doc = await route({ method: 'GET', path: '/openapi.json', query: {} });
    expect(doc.status).toBe(200);
    expect(Object.keys((doc.body as { paths: object }).paths)).toContain('/speakers/{name}/quotes');
    expect((await route({ method: 'GET', path: '/health/', query: {} })).status).toBe(200);
  });
});

describe('toHttpResult', () => {
  it('gzips large bodies only for clients that accept gzip', () => {
    const big = { status: 200, body: { text: 'x'.repeat(5000) } };
    expect(toHttpResult(big, { method: 'GET', acceptEncoding: 'gzip, br' })).toMatchObject({
      isBase64Encoded: true,
      headers: { 'content-encoding': 'gzip' },
    });
    expect(toHttpResult(big, { method: 'GET' }).isBase64Encoded).toBeUndefined();
    expect(toHttpResult({ status: 200, body: {} }, { method: 'GET', acceptEncoding: 'gzip' }).body).toBe('{}');
  });
});
