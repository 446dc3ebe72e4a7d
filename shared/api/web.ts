/**
 * The web viewer's static files, served by the api function on the same origin as the JSON API: `GET /` (or
 * `/index.html`) is the page, `GET /ui/<name>` its content-hashed script and stylesheet. The files are bundled from
 * web/ into web-assets.generated.ts by scripts/build-web.ts, so serving them needs no file system access.
 */
import type { RawHttpResponse } from './http.ts';
import { WEB_ASSETS, type WebAsset } from './web-assets.generated.ts';

/** Only our own script and stylesheet run; no inline code, no other origins, no framing, no forms, no <base>. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const byPath = new Map<string, WebAsset>(WEB_ASSETS.map((asset) => [asset.path, asset]));

/** The viewer file for a request path, or null when the path is not one (the JSON API handles it). */
export function serveWebAsset(path: string): RawHttpResponse | null {
  const asset = byPath.get(path === '/index.html' ? '/' : path);
  if (!asset) return null;
  const page = asset.path === '/';
  return {
    status: 200,
    headers: {
      'content-type': asset.contentType,
      // The page is small and must pick up new asset names after a deploy; the assets are content-addressed.
      'cache-control': page ? 'no-cache' : 'public, max-age=31536000, immutable',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    },
    rawBody: asset.body,
  };
}
