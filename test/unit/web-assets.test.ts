import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWebModule, GENERATED_MODULE } from '../../scripts/build-web.ts';
import { toHttpResult } from '../../shared/api/http.ts';
import { CONTENT_SECURITY_POLICY, serveWebAsset } from '../../shared/api/web.ts';
import { WEB_ASSETS } from '../../shared/api/web-assets.generated.ts';

describe('generated viewer assets', () => {
  it('are up to date with web/ (rebuild: npx tsx scripts/build-web.ts)', async () => {
    // Act
    const rebuilt = await buildWebModule();
    // Assess
    expect(readFileSync(GENERATED_MODULE, 'utf8') === rebuilt, 'web-assets.generated.ts is stale').toBe(true);
  }, 60_000);

  it('reference the hashed script and stylesheet from the page', () => {
    const page = WEB_ASSETS.find((a) => a.path === '/');
    const others = WEB_ASSETS.filter((a) => a.path !== '/').map((a) => a.path.slice(1));
    expect(others).toHaveLength(2);
    for (const path of others) expect(page?.body).toContain(`"${path}"`);
  });
});

const script = WEB_ASSETS.find((a) => a.path.endsWith('.js'))?.path ?? '';
const style = WEB_ASSETS.find((a) => a.path.endsWith('.css'))?.path ?? '';

describe('serveWebAsset', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    [script, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    [style, 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
  ])('%s → %s with the strict CSP', (path, contentType, cacheControl) => {
    // Act
    const response = serveWebAsset(path);
    // Assess
    expect(response?.status).toBe(200);
    expect(response?.headers).toMatchObject({
      'content-type': contentType,
      'cache-control': cacheControl,
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
  });

  it.each([['/articles'], ['/ui/app.js'], ['/ui/../index.html'], ['/openapi.json'], ['/favicon.ico']])(
    'leaves %s to the JSON API',
    (path) => {
      expect(serveWebAsset(path)).toBeNull();
    },
  );

  it('allows nothing inline and no other origin', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });
});

describe('toHttpResult with a raw body', () => {
  it('sends the body as it is, with its own headers, gzipped when accepted', () => {
    // Prepare
    const page = serveWebAsset('/');
    if (!page) throw new Error('no page');
    // Act
    const plain = toHttpResult(page, { method: 'GET' });
    const gzipped = toHttpResult(serveWebAsset(script) ?? page, { method: 'GET', acceptEncoding: 'gzip' });
    // Assess
    expect(plain.body).toBe(page.rawBody);
    expect(plain.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'x-content-type-options': 'nosniff',
    });
    expect(gzipped).toMatchObject({ isBase64Encoded: true, headers: { 'content-encoding': 'gzip' } });
  });
});
