/**
 * The whole pipeline on one machine: s3rver + DynamoDB Local + in-process queues + the three real handlers +
 * a local HTTP API, wired exactly as the CDK stack wires them in AWS (raw/ → clean-queue → clean → cleaned/ →
 * annotate-queue → annotate → table; API → api handler). Used by `npm start` and by the integration tests.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { onRecordFailure, type RecordFailure } from '../../shared/events/s3-batch.ts';
import { localS3Client } from '../lib/s3-client.ts';
import { type ApiHandler, type ApiServerHandle, startApiServer } from './api-server.ts';
import { type InboxHandle, watchInbox } from './inbox.ts';
import { LocalQueue, type LocalQueueOptions, type SqsHandler } from './queues.ts';
import { redriveDirOf, watchRedrive } from './redrive.ts';
import { ensureBucket, ensureTable } from './resources.ts';
import {
  type DynamoServerHandle,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  LOCALHOST,
  type S3FaultInjector,
  type S3ServerHandle,
  startDynamoDbLocal,
  startS3Server,
} from './servers.ts';
import { wireNotifications } from './wiring.ts';
import { HandlerPool } from './workers.ts';

export const RAW_PREFIX = 'raw/';
export const CLEANED_PREFIX = 'cleaned/';
export const MAX_RECEIVE_COUNT = 5;

export interface LocalStackHandlers {
  clean: SqsHandler;
  annotate: SqsHandler;
  api: ApiHandler;
}

export type HandlerIsolation = 'workers' | 'in-process' | 'auto';

/** Cores from which `auto` runs the handlers in workers. */
export const WORKERS_FROM_CORES = 4;

/** What `auto` (and an unset option) means on this machine. */
export function resolveIsolation(isolation: HandlerIsolation = 'auto'): 'workers' | 'in-process' {
  if (isolation !== 'auto') return isolation;
  return availableParallelism() >= WORKERS_FROM_CORES ? 'workers' : 'in-process';
}

export interface LocalStackOptions {
  /**
   * Root of local data: `s3/` (objects), `dynamodb/` (tables, when persistent), `dlq/` (dead letters), `redrive/`
   * (dead letters moved there by `npm run redrive` are sent back to their queue).
   */
  dataDir: string;
  /** Keep DynamoDB data in `<dataDir>/dynamodb` (default true); false = in memory. */
  persistent?: boolean;
  /** Ports; 0 = any free port. Defaults: 0. */
  s3Port?: number;
  dynamoPort?: number;
  apiPort?: number;
  /** Use an already running DynamoDB (e.g. the test run's shared DynamoDB Local) instead of starting one. */
  dynamoEndpoint?: string;
  bucket?: string;
  table?: string;
  /** Fault injection: fail chosen S3 requests (tests of retries and partial batch responses). */
  s3Faults?: S3FaultInjector;
  /** Watch this folder and upload new/changed files to raw/. */
  inboxDir?: string;
  /** Replace any of the real handlers (functions/*.ts), e.g. in tests of the harness itself. */
  handlers?: Partial<LocalStackHandlers>;
  /**
   * Where the real clean and annotate handlers run: `workers` = like Lambda, in instances of their own (worker
   * threads, one per concurrent batch, created at start and reused; see workers.ts), so the stack can use more than
   * one core; `in-process` = imported into this thread (one copy per process); `auto` (default) = workers on
   * machines with 4 or more cores, else in-process. Each instance compiles and warms up its own copy of the SDK
   * and pipeline, which costs more CPU per article than it gains in parallelism on 2 cores (docs/local.md).
   * The api handler always runs in this thread.
   */
  handlerIsolation?: HandlerIsolation;
  /** Queue tuning (defaults: 100 ms batching window, 1 s first retry delay doubling up to 30 s). */
  queue?: Partial<
    Pick<LocalQueueOptions, 'batchWindowMs' | 'retryDelayMs' | 'maxRetryDelayMs' | 'concurrency' | 'timeoutMs'>
  >;
  /** Routes integrated with the api handler (default: `GET /` and `GET /{proxy+}`, as in the CDK stack). */
  apiRoutes?: readonly string[];
  /** Send `s3:TestEvent` to both queues at start, as S3 does when notifications are configured (default true). */
  sendTestEvent?: boolean;
  /** LOG_LEVEL for the handlers' Powertools logger (default: $LOG_LEVEL or INFO). */
  logLevel?: string;
  /** Harness messages (handler failures, dead letters, inbox uploads). */
  log?: (message: string) => void;
}

export interface LocalStack {
  s3Endpoint: string;
  dynamoEndpoint: string;
  apiUrl: string;
  bucket: string;
  table: string;
  dataDir: string;
  dlqDir: string;
  /** Dead letters moved into `<redriveDir>/<queue>/` are re-enqueued (see redrive.ts). */
  redriveDir: string;
  /** The environment the handlers run with (also applied to process.env). */
  env: Record<string, string>;
  s3: S3Client;
  ddb: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  queues: { clean: LocalQueue; annotate: LocalQueue };
  inbox?: InboxHandle;
  /** Resolves when nothing is left to do: no inbox file pending, no message waiting or running in any queue. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Env of the handlers whose modules were imported in this process (they read it once, at module load). */
let importedWith: Record<string, string> | undefined;

async function importHandler<T>(file: string): Promise<T> {
  const path = join(REPO_ROOT, file);
  if (!existsSync(path)) throw new Error(`${file} does not exist yet: pass handlers.* to startLocalStack instead.`);
  const module = (await import(pathToFileURL(path).href)) as { handler?: T };
  if (typeof module.handler !== 'function') throw new Error(`${file} does not export a function named handler`);
  return module.handler;
}

async function assertPortFree(port: number, what: string): Promise<void> {
  if (!port) return;
  await new Promise<void>((resolveFree, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} (${what}) is already in use: stop what uses it or choose another port.`
            : `Port ${port} (${what}): ${error.message}`,
        ),
      ),
    );
    probe.listen(port, LOCALHOST, () => probe.close(() => resolveFree()));
  });
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? ((message: string) => console.error(message));
  const dataDir = resolve(options.dataDir);
  const dlqDir = join(dataDir, 'dlq');
  const bucket = options.bucket ?? 'articles';
  const table = options.table ?? 'annotator';
  mkdirSync(dlqDir, { recursive: true });

  const cleanups: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log(`local stack: error while stopping: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  try {
    await assertPortFree(options.s3Port ?? 0, 'S3_PORT');
    await assertPortFree(options.apiPort ?? 0, 'API_PORT');
    if (!options.dynamoEndpoint) await assertPortFree(options.dynamoPort ?? 0, 'DYNAMODB_PORT');

    // 1. Servers. DynamoDB Local (Java) starts in the background while s3rver comes up.
    const dynamoStarting: Promise<DynamoServerHandle | undefined> = options.dynamoEndpoint
      ? Promise.resolve(undefined)
      : startDynamoDbLocal({
          port: options.dynamoPort ?? 0,
          dataDir: options.persistent === false ? undefined : join(dataDir, 'dynamodb'),
        });
    dynamoStarting.then((d) => d && cleanups.push(() => d.stop())).catch(() => undefined);
    let s3Server: S3ServerHandle;
    try {
      s3Server = await startS3Server({
        port: options.s3Port ?? 0,
        directory: join(dataDir, 's3'),
        ...(options.s3Faults ? { faults: options.s3Faults } : {}),
      });
    } catch (error) {
      await dynamoStarting.then((d) => d?.stop()).catch(() => undefined);
      throw error;
    }
    cleanups.push(() => s3Server.stop());
    const dynamo = await dynamoStarting;
    const dynamoEndpoint = options.dynamoEndpoint ?? dynamo?.endpoint ?? '';

    // 2. The environment the handlers read at module load (runtime.md), then the handlers themselves.
    const env: Record<string, string> = {
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_S3: s3Server.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      BUCKET_NAME: bucket,
      TABLE_NAME: table,
      RAW_PREFIX,
      CLEANED_PREFIX,
      MAX_RECEIVE_COUNT: String(MAX_RECEIVE_COUNT),
      POWERTOOLS_SERVICE_NAME: 'annotator-local',
      POWERTOOLS_METRICS_NAMESPACE: 'Annotator',
      POWERTOOLS_METRICS_DISABLED: 'true',
      LOG_LEVEL: options.logLevel ?? process.env.LOG_LEVEL ?? 'INFO',
    };
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_SESSION_TOKEN;
    Object.assign(process.env, env);

    // The handlers report why a record failed (in this thread or from their workers); the dead-letter files keep it.
    const reasons = new Map<string, string>();
    const noteFailure = (failure: RecordFailure) => {
      reasons.set(failure.messageId, failure.reason);
      if (reasons.size > 10_000) reasons.delete(reasons.keys().next().value as string);
    };
    cleanups.push(onRecordFailure(noteFailure));

    const inWorkers = resolveIsolation(options.handlerIsolation) === 'workers';
    const importedHere = (['clean', 'annotate', 'api'] as const).filter(
      (name) => !options.handlers?.[name] && (name === 'api' || !inWorkers),
    );
    if (importedHere.length > 0 && importedWith) {
      const changed = Object.keys(env).filter((k) => k !== 'LOG_LEVEL' && importedWith?.[k] !== env[k]);
      if (changed.length > 0) {
        throw new Error(
          `The handlers were already imported in this process with other settings (${changed.join(', ')}); they read their configuration once, at module load. Start one local stack per process (in vitest: one per test file).`,
        );
      }
    }
    const instances = Math.max(1, options.queue?.concurrency ?? 1);
    const pooled = async (name: 'clean' | 'annotate'): Promise<SqsHandler> => {
      const file = `functions/${name}.ts`;
      if (!existsSync(join(REPO_ROOT, file))) {
        throw new Error(`${file} does not exist yet: pass handlers.* to startLocalStack instead.`);
      }
      const pool = new HandlerPool({
        name,
        handlerFile: join(REPO_ROOT, file),
        // The SDK's Node-version notice is printed once by this process already, not again by every instance.
        env: {
          ...(process.env as Record<string, string>),
          ...env,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        size: instances,
        onRecordFailure: noteFailure,
      });
      cleanups.push(() => pool.stop());
      await pool.start();
      return pool.handler;
    };
    const sqsHandler = (name: 'clean' | 'annotate'): Promise<SqsHandler> => {
      const given = options.handlers?.[name];
      if (given) return Promise.resolve(given);
      return inWorkers ? pooled(name) : importHandler<SqsHandler>(`functions/${name}.ts`);
    };
    const [clean, annotate, apiHandler] = await Promise.all([
      sqsHandler('clean'),
      sqsHandler('annotate'),
      options.handlers?.api ? Promise.resolve(options.handlers.api) : importHandler<ApiHandler>('functions/api.ts'),
    ]);
    const handlers: LocalStackHandlers = { clean, annotate, api: apiHandler };
    if (importedHere.length > 0) importedWith ??= { ...env };

    // 3. Clients for the caller, configured like the handlers'.
    const s3 = localS3Client(s3Server.endpoint);
    const ddb = new DynamoDBClient({ endpoint: dynamoEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const doc = DynamoDBDocumentClient.from(ddb, { marshallOptions: { removeUndefinedValues: true } });
    cleanups.push(() => {
      s3.destroy();
      ddb.destroy();
    });

    // 4. Bucket and table.
    await ensureBucket(s3, bucket);
    await ensureTable(ddb, table);

    // 5. Queues and notifications.
    const failureReason = (messageId: string) => reasons.get(messageId);
    const queueOptions = { dlqDir, maxReceiveCount: MAX_RECEIVE_COUNT, log, failureReason, ...options.queue };
    const queues = {
      clean: new LocalQueue({ ...queueOptions, name: 'clean-queue', functionName: 'clean', handler: handlers.clean }),
      annotate: new LocalQueue({
        ...queueOptions,
        name: 'annotate-queue',
        functionName: 'annotate',
        handler: handlers.annotate,
      }),
    };
    cleanups.push(async () => {
      await Promise.all([queues.clean.stop(), queues.annotate.stop()]);
    });
    const unwire = wireNotifications(s3Server.server, {
      bucket,
      region: LOCAL_REGION,
      sendTestEvent: options.sendTestEvent ?? true,
      rules: [
        { prefix: RAW_PREFIX, events: ['ObjectCreated', 'ObjectRemoved'], queue: queues.clean },
        { prefix: CLEANED_PREFIX, events: ['ObjectCreated', 'ObjectRemoved'], queue: queues.annotate },
      ],
    });
    cleanups.push(unwire);
    const redrive = watchRedrive({ dataDir, queues: [queues.clean, queues.annotate], log });
    cleanups.push(() => redrive.stop());

    // 6. HTTP API.
    const api: ApiServerHandle = await startApiServer({
      handler: handlers.api,
      port: options.apiPort ?? 0,
      log,
      ...(options.apiRoutes ? { routes: options.apiRoutes } : {}),
    });
    cleanups.push(() => api.stop());

    // 7. Drop folder.
    let inbox: InboxHandle | undefined;
    if (options.inboxDir) {
      inbox = watchInbox({
        dir: options.inboxDir,
        log,
        upload: async (name, body, contentType) => {
          await s3.send(
            new PutObjectCommand({ Bucket: bucket, Key: `${RAW_PREFIX}${name}`, Body: body, ContentType: contentType }),
          );
        },
        alreadyUploaded: async (name, mtimeMs) => {
          const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: `${RAW_PREFIX}${name}` }));
          return (head.LastModified?.getTime() ?? 0) >= mtimeMs;
        },
      });
      const watching = inbox;
      cleanups.push(() => watching.stop());
    }

    const allIdle = () => queues.clean.isIdle() && queues.annotate.isIdle();
    return {
      s3Endpoint: s3Server.endpoint,
      dynamoEndpoint,
      apiUrl: api.url,
      bucket,
      table,
      dataDir,
      dlqDir,
      redriveDir: redriveDirOf(dataDir),
      env,
      s3,
      ddb,
      doc,
      queues,
      ...(inbox ? { inbox } : {}),
      async idle() {
        do {
          if (inbox) await inbox.idle();
          await redrive.idle();
          await Promise.all([queues.clean.idle(), queues.annotate.idle()]);
        } while (!allIdle());
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
