/**
 * A local API Gateway HTTP API: a node:http server on 127.0.0.1 that turns each request into a payload-format-2.0
 * event, calls the `api` handler and turns its result back into an HTTP response, following API Gateway's rules
 * (route matching, header lower-casing, comma-joined repeated query parameters, cookies, base64 bodies, result
 * inference for non-structured results, 500 `{"message":"Internal Server Error"}` when the handler throws).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';

export type ApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

/** The routes integrated with the function in the CDK stack. `$default` catches everything. */
export const DEFAULT_ROUTES = ['GET /', 'GET /{proxy+}'] as const;

export interface ApiServerOptions {
  handler: ApiHandler;
  port?: number;
  host?: string;
  routes?: readonly string[];
  stage?: string;
  /** Function timeout: a request still running after this long answers 503 like API Gateway. */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export interface ApiServerHandle {
  server: Server;
  port: number;
  url: string;
  stop(): Promise<void>;
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;

/** Finds the route a request matches, with API Gateway's priority: exact route, then greedy, then `$default`. */
export function matchRoute(
  routes: readonly string[],
  method: string,
  path: string,
): { routeKey: string; pathParameters?: Record<string, string> } | undefined {
  const candidates = routes
    .filter((r) => r !== '$default')
    .map((route) => {
      const [routeMethod = '', routePath = ''] = route.split(' ');
      return { route, routeMethod, routePath };
    })
    .filter((r) => r.routeMethod === 'ANY' || r.routeMethod === method);
  const exact = candidates.find((r) => r.routePath === path);
  if (exact) return { routeKey: exact.route };
  for (const candidate of candidates) {
    const greedy = /^(.*)\/\{(\w+)\+\}$/.exec(candidate.routePath);
    if (!greedy) continue;
    const base = greedy[1] ?? '';
    const name = greedy[2] ?? 'proxy';
    if (path.startsWith(`${base}/`) && path.length > base.length + 1) {
      return { routeKey: candidate.route, pathParameters: { [name]: safeDecode(path.slice(base.length + 1)) } };
    }
  }
  return routes.includes('$default') ? { routeKey: '$default' } : undefined;
}

/** Percent-decodes, leaving malformed escapes (e.g. `%E0%A4%A`) as they are instead of throwing. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Repeated parameters are joined with commas, as HTTP API payload 2.0 does. */
export function parseQueryString(raw: string): Record<string, string> | undefined {
  if (raw === '') return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    out[name] = name in out ? `${out[name]},${value}` : value;
  }
  return out;
}

/** Builds the payload-format-2.0 event for a request. */
export function toApiGatewayEvent(
  request: { method: string; url: string; headers: IncomingMessage['headers']; sourceIp: string; body: Buffer },
  route: { routeKey: string; pathParameters?: Record<string, string> },
  stage = '$default',
): APIGatewayProxyEventV2 {
  const queryAt = request.url.indexOf('?');
  const rawPath = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const rawQueryString = queryAt === -1 ? '' : request.url.slice(queryAt + 1);
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') {
      cookies = (Array.isArray(value) ? value.join('; ') : value).split(/;\s*/).filter(Boolean);
      continue;
    }
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const contentType = headers['content-type'] ?? '';
  const hasBody = request.body.length > 0;
  const isBase64Encoded = hasBody && !TEXT_TYPES.test(contentType);
  const now = new Date();
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(rawQueryString ? { queryStringParameters: parseQueryString(rawQueryString) } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage,
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(route.pathParameters ? { pathParameters: route.pathParameters } : {}),
    ...(hasBody ? { body: request.body.toString(isBase64Encoded ? 'base64' : 'utf8') } : {}),
    isBase64Encoded,
  };
  return event;
}

/** Maps a handler result onto status, headers and body (payload 2.0 response rules). */
export function fromHandlerResult(result: APIGatewayProxyResultV2): {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
} {
  // A result without statusCode (a string, or any JSON value) is inferred: 200, application/json.
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body ?? '', 'utf8') };
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  const raw = structured.body ?? '';
  const body = structured.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  return { statusCode: structured.statusCode ?? 200, headers, body };
}

function lambdaContext(timeoutMs: number): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:api',
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: '/aws/lambda/api',
    logStreamName: 'local/api',
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function send(res: ServerResponse, statusCode: number, headers: Record<string, string | string[]>, body: Buffer) {
  res.writeHead(statusCode, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

const jsonMessage = (message: string) => Buffer.from(JSON.stringify({ message }), 'utf8');

/** Starts the local HTTP API on `host` (127.0.0.1 by default; never on all interfaces unless asked). */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServerHandle> {
  const routes = options.routes ?? DEFAULT_ROUTES;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const log = options.log ?? ((message: string) => console.error(message));
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        log(`[api] ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent)
          send(res, 500, { 'content-type': 'application/json' }, jsonMessage('Internal Server Error'));
        else res.end();
      });
    });
  });
  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const route = matchRoute(routes, method, path);
    if (!route) {
      send(res, 404, { 'content-type': 'application/json' }, jsonMessage('Not Found'));
      return;
    }
    const event = toApiGatewayEvent(
      {
        method,
        url,
        headers: req.headers,
        sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        body,
      },
      route,
      options.stage,
    );
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<'timeout'>((r) => {
        timer = setTimeout(() => r('timeout'), timeoutMs);
      });
      const result = await Promise.race([options.handler(event, lambdaContext(timeoutMs)), timeout]);
      if (result === 'timeout') {
        log(`[api] ${method} ${url} timed out after ${timeoutMs} ms`);
        send(res, 503, { 'content-type': 'application/json' }, jsonMessage('Service Unavailable'));
        return;
      }
      const mapped = fromHandlerResult(result);
      send(res, mapped.statusCode, mapped.headers, mapped.body);
    } catch (error) {
      log(`[api] ${method} ${url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      send(res, 500, { 'content-type': 'application/json' }, jsonMessage('Internal Server Error'));
    } finally {
      clearTimeout(timer);
    }
  };
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.removeListener('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
