/** Router result → API Gateway HTTP API (payload 2.0) result: JSON, security headers, gzip when it pays. */
import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiResponse } from './router.ts';

const GZIP_MIN_BYTES = 2048;

export function toHttpResult(
  response: ApiResponse,
  request: { method: string; acceptEncoding?: string | undefined },
): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
  };
  const json = JSON.stringify(response.body);
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
