/**
 * 3. Cold start of each Lambda bundle (built as CDK builds it): a fresh `node` process per sample imports the
 *    bundle, initialises (config, SDK clients, model) and handles one realistic event against local S3 (s3rver) and
 *    DynamoDB Local. Each sample uses a new article: clean reads `raw/…` and writes `cleaned/…`; annotate reads that
 *    and writes the table; api answers `GET /articles/{id}` for it. Plus the pure pipeline bundle (no AWS).
 * 5. Memory: peak RSS of a fresh annotate function process (and of the pure pipeline) on the largest article.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { build } from 'esbuild';
import { localS3Client } from '../scripts/lib/s3-client.ts';
import { ensureBucket, ensureTable } from '../scripts/local/resources.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startS3Server } from '../scripts/local/servers.ts';
import { articleIdForKey } from '../shared/ids.ts';
import { type BuiltBundle, cdkEsbuildOptions, lambdaBuild } from './bundles.ts';
import { contentTypeFor, REPO_ROOT } from './corpus.ts';
import { httpEvent, nextSequencer, s3Notification, sqsEvent } from './events.ts';
import { type ProfileResult, profileImport } from './profile.ts';
import { type Summary, summarize } from './stats.ts';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./child/cold.mjs', import.meta.url));

export interface ChildResult {
  bootMs: number;
  importMs: number;
  eventMs: number;
  totalMs: number;
  /** CPU time of the whole process (all threads) until the event was handled. */
  cpuMs: number;
  rssAfterImportKb: number;
  maxRssKb: number;
  response: unknown;
}

export interface ColdStartRow {
  name: string;
  event: string;
  bytes: number;
  samples: number;
  total: Summary;
  boot: Summary;
  importInit: Summary;
  firstEvent: Summary;
  cpu: Summary;
  maxRssMb: Summary;
}

export interface MemoryRow {
  what: string;
  article: string;
  chars: number;
  rssAfterImportMb: number;
  peakRssMb: number;
}

export interface ColdStartResult {
  mode: 'local-aws' | 'no-dynamodb';
  rows: ColdStartRow[];
  memory: MemoryRow[];
  failures: string[];
  /** CPU profile of a fresh process importing each bundle. */
  importProfiles: { name: string; profile: ProfileResult }[];
}

export interface ColdArticle {
  key: string;
  raw: Uint8Array;
  chars: number;
}

async function spawnChild(bundle: string, event: unknown, env: NodeJS.ProcessEnv, dir: string): Promise<ChildResult> {
  const eventFile = join(dir, 'event.json');
  const resultFile = join(dir, 'result.json');
  writeFileSync(eventFile, JSON.stringify(event));
  writeFileSync(resultFile, '');
  // No node flags of our own: the environment's NODE_OPTIONS (the functions' LAMBDA_NODE_OPTIONS) applies, as in Lambda.
  await run(process.execPath, [CHILD, bundle, eventFile, resultFile], {
    env,
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(readFileSync(resultFile, 'utf8')) as ChildResult;
}

/** The pure pipeline as its own bundle (same esbuild options), for model-load and memory numbers without AWS. */
async function buildPipelineBundle(outdir: string): Promise<string> {
  const options = await cdkEsbuildOptions();
  const file = join(outdir, 'pipeline', 'index.mjs');
  await build({ ...options, entryPoints: [join(REPO_ROOT, 'shared', 'pipeline', 'annotate.ts')], outfile: file });
  return file;
}

export async function measureColdStart(options: {
  bundles: readonly BuiltBundle[];
  workDir: string;
  samples: number;
  /** A typical article for the cold-start events, and the largest one for memory. */
  typical: ColdArticle;
  largest: ColdArticle;
  /** More articles for the pure pipeline's memory (e.g. the longest cleaned text, a synthetic stress text). */
  extraMemory?: readonly (ColdArticle & { label: string })[];
  dynamoEndpoint: string | undefined;
  log: (message: string) => void;
  /** Also profile the import of the annotate and api bundles (default true). */
  profileImports?: boolean;
}): Promise<ColdStartResult> {
  const { workDir, log } = options;
  mkdirSync(workDir, { recursive: true });
  const bucket = 'bench-cold';
  const table = `bench-cold-${Date.now().toString(36)}`;
  const s3Server = await startS3Server({ port: 0, directory: join(workDir, 's3') });
  const s3 = localS3Client(s3Server.endpoint);
  const ddb = options.dynamoEndpoint
    ? new DynamoDBClient({ endpoint: options.dynamoEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS })
    : undefined;
  const failures: string[] = [];
  const { nodeOptions } = await lambdaBuild();
  try {
    await ensureBucket(s3, bucket);
    if (ddb) await ensureTable(ddb, table);
    const baseEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_OPTIONS: nodeOptions,
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_S3: s3Server.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: options.dynamoEndpoint ?? 'http://127.0.0.1:9',
      S3_FORCE_PATH_STYLE: 'true',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      BUCKET_NAME: bucket,
      TABLE_NAME: table,
      RAW_PREFIX: 'raw/',
      CLEANED_PREFIX: 'cleaned/',
      MAX_RECEIVE_COUNT: '5',
      MAX_INPUT_BYTES: '5242880',
      LOG_LEVEL: 'INFO',
      POWERTOOLS_METRICS_NAMESPACE: 'Annotator',
      POWERTOOLS_DEV: 'false',
      NODE_NO_WARNINGS: '1',
    };
    const envFor = (service: string) => ({ ...baseEnv, POWERTOOLS_SERVICE_NAME: `annotator-${service}` });
    const bundleOf = (name: string) => {
      const found = options.bundles.find((b) => b.name === name);
      if (!found) throw new Error(`no ${name} bundle`);
      return found;
    };
    const pipelineFile = await buildPipelineBundle(join(workDir, 'bundles'));

    /** Upload a raw article under a new key; returns what the clean event needs. */
    const upload = async (article: ColdArticle, tag: string) => {
      const ext = article.key.slice(article.key.lastIndexOf('.'));
      const key = `raw/cold/${tag}${ext}`;
      const out = await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: article.raw, ContentType: contentTypeFor(article.key) }),
      );
      return { key, eTag: out.ETag ?? '', size: article.raw.byteLength, id: articleIdForKey(key) };
    };
    const cleanEvent = (u: { key: string; eTag: string; size: number }) =>
      sqsEvent(
        [s3Notification({ bucket, key: u.key, eTag: u.eTag, size: u.size, sequencer: nextSequencer() })],
        'clean',
      );
    const annotateEvent = (id: string, size: number) =>
      sqsEvent(
        [s3Notification({ bucket, key: `cleaned/${id}.json`, eTag: 'x', size, sequencer: nextSequencer() })],
        'annotate',
      );
    const checkSqs = (name: string, result: ChildResult) => {
      const failed = (result.response as { batchItemFailures?: unknown[] })?.batchItemFailures ?? [];
      if (failed.length > 0) failures.push(`${name}: the handler reported ${failed.length} failed message(s)`);
    };

    const samples: Record<string, ChildResult[]> = { clean: [], annotate: [], api: [], pipeline: [] };
    const text = new TextDecoder().decode(options.typical.raw);
    for (let i = 0; i < options.samples; i++) {
      const uploaded = await upload(options.typical, `typical-${i}-${Date.now().toString(36)}`);
      const c = await spawnChild(bundleOf('clean').file, cleanEvent(uploaded), envFor('clean'), workDir);
      checkSqs('clean', c);
      samples.clean?.push(c);
      if (ddb) {
        const a = await spawnChild(
          bundleOf('annotate').file,
          annotateEvent(uploaded.id, 0),
          envFor('annotate'),
          workDir,
        );
        checkSqs('annotate', a);
        samples.annotate?.push(a);
        const api = await spawnChild(
          bundleOf('api').file,
          httpEvent(`/articles/${uploaded.id}`),
          envFor('api'),
          workDir,
        );
        const response = api.response as { statusCode?: number; body?: string };
        if (response.statusCode !== 200 || !/"status":"PROCESSED"/.test(response.body ?? '')) {
          failures.push(`api: GET /articles/${uploaded.id} answered ${response.statusCode}`);
        }
        samples.api?.push(api);
      } else {
        samples.api?.push(await spawnChild(bundleOf('api').file, httpEvent('/health'), envFor('api'), workDir));
      }
      samples.pipeline?.push(
        await spawnChild(
          pipelineFile,
          { pipeline: { text, options: { key: options.typical.key } } },
          { PATH: process.env.PATH, NODE_OPTIONS: nodeOptions },
          workDir,
        ),
      );
      log(`  cold start ${i + 1}/${options.samples}`);
    }

    const rows: ColdStartRow[] = [];
    const row = (name: string, event: string, bytes: number, list: ChildResult[]) => {
      if (list.length === 0) return;
      rows.push({
        name,
        event,
        bytes,
        samples: list.length,
        total: summarize(list.map((r) => r.totalMs)),
        boot: summarize(list.map((r) => r.bootMs)),
        importInit: summarize(list.map((r) => r.importMs)),
        firstEvent: summarize(list.map((r) => r.eventMs)),
        cpu: summarize(list.map((r) => r.cpuMs)),
        maxRssMb: summarize(list.map((r) => r.maxRssKb / 1024)),
      });
    };
    row(
      'clean',
      'SQS: 1 S3 ObjectCreated on raw/ → GetObject, clean, PutObject cleaned/',
      bundleOf('clean').bytes,
      samples.clean ?? [],
    );
    row(
      'annotate',
      'SQS: 1 S3 ObjectCreated on cleaned/ → GetObject, annotate, DynamoDB writes',
      bundleOf('annotate').bytes,
      samples.annotate ?? [],
    );
    row(
      'api',
      ddb ? 'HTTP API: GET /articles/{id} (DynamoDB reads)' : 'HTTP API: GET /health',
      bundleOf('api').bytes,
      samples.api ?? [],
    );
    row('pipeline (pure)', 'annotate(raw) on one article, no AWS', statSync(pipelineFile).size, samples.pipeline ?? []);

    // 5. Memory on the largest article: the annotate function (realistic) and the pure pipeline.
    const memory: MemoryRow[] = [];
    const pureRuns = [
      { what: 'pure pipeline: annotate(raw)', article: options.largest },
      ...(options.extraMemory ?? []).map((extra) => ({
        what: `pure pipeline: annotate(raw), ${extra.label}`,
        article: extra,
      })),
    ];
    for (const { what, article } of pureRuns) {
      const result = await spawnChild(
        pipelineFile,
        { pipeline: { text: new TextDecoder().decode(article.raw), options: { key: article.key } } },
        { PATH: process.env.PATH, NODE_OPTIONS: nodeOptions },
        workDir,
      );
      memory.push({
        what,
        article: article.key,
        chars: article.chars,
        rssAfterImportMb: result.rssAfterImportKb / 1024,
        peakRssMb: result.maxRssKb / 1024,
      });
    }
    if (ddb) {
      const uploaded = await upload(options.largest, `largest-${Date.now().toString(36)}`);
      const c = await spawnChild(bundleOf('clean').file, cleanEvent(uploaded), envFor('clean'), workDir);
      checkSqs('clean (largest)', c);
      memory.push({
        what: 'clean function (bundle), 1 event',
        article: options.largest.key,
        chars: options.largest.chars,
        rssAfterImportMb: c.rssAfterImportKb / 1024,
        peakRssMb: c.maxRssKb / 1024,
      });
      const a = await spawnChild(bundleOf('annotate').file, annotateEvent(uploaded.id, 0), envFor('annotate'), workDir);
      checkSqs('annotate (largest)', a);
      memory.push({
        what: 'annotate function (bundle), 1 event',
        article: options.largest.key,
        chars: options.largest.chars,
        rssAfterImportMb: a.rssAfterImportKb / 1024,
        peakRssMb: a.maxRssKb / 1024,
      });
    }
    const importProfiles: ColdStartResult['importProfiles'] = [];
    for (const name of options.profileImports === false ? [] : (['annotate', 'api'] as const)) {
      const profile = await profileImport({ bundle: bundleOf(name).file, env: envFor(name), workDir, top: 10 });
      importProfiles.push({ name, profile });
    }
    return { mode: ddb ? 'local-aws' : 'no-dynamodb', rows, memory, failures, importProfiles };
  } finally {
    s3.destroy();
    ddb?.destroy();
    await s3Server.stop();
  }
}
