/**
 * Router result → API Gateway HTTP API (payload 2.0) result: JSON, security headers, gzip when it pays. A
 * `RawHttpResponse` (the web viewer's files) carries its own body string and headers instead of JSON.
 */
import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiResponse } from './router.ts';

const GZIP_MIN_BYTES = 2048;

/** A response whose body is sent as it is (not JSON-encoded), with headers that override the defaults. */
export interface RawHttpResponse {
  status: number;
  headers: Record<string, string>;
  rawBody: string;
}

export function toHttpResult(
  response: ApiResponse | RawHttpResponse,
  request: { method: string; acceptEncoding?: string | undefined },
): APIGatewayProxyStructuredResultV2 {
  const raw = 'rawBody' in response;
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
    ...(raw ? response.headers : {}),
  };
  const json = raw ? response.rawBody : JSON.stringify(response.body);
  if (request.method === 'HEAD') return { statusCode: response.status, headers, body: '' };
  const gzip = /\bgzip\b/i.test(request.acceptEncoding ?? '') && Buffer.byteLength(json) >= GZIP_MIN_BYTES;
  if (!gzip) return { statusCode: response.status, headers, body: json };
  return {
    statusCode: response.status,
    headers: { ...headers, 'content-encoding': 'gzip' },
    body: gzipSync(json).toString('base64'),
    isBase64Encoded: true,
  };
}
