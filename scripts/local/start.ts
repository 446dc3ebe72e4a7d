/**
 * `npm start`: the whole pipeline on this machine, with data kept under `.local/`. Uploads every file in
 * `samples/` to raw/, waits until they are processed, prints where everything is and how to use it, then keeps
 * running (drop folder `inbox/`, API on :3000) until Ctrl-C, which stops every server and child process.
 *
 * Settings (environment): API_PORT (3000), S3_PORT (4569), DYNAMODB_PORT (8000), BUCKET (articles),
 * TABLE (annotator), DATA_DIR (.local), INBOX_DIR (inbox), LOG_LEVEL of the handlers (WARN), HANDLERS (`auto`:
 * worker instances per function on 4+ cores, else in this process; or `workers` / `in-process`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { contentTypeFor, isIgnored } from './inbox.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './servers.ts';
import { type HandlerIsolation, type LocalStack, RAW_PREFIX, startLocalStack } from './stack.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a port number between 1 and 65535, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function isolation(): HandlerIsolation {
  const raw = process.env.HANDLERS || 'auto';
  if (raw === 'auto' || raw === 'workers' || raw === 'in-process') return raw;
  throw new Error(`HANDLERS must be auto, workers or in-process, got ${JSON.stringify(raw)}`);
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : `${rel}/`;
}

interface ArticleSummary {
  id: string;
  sourceKey?: string;
  status?: string;
  title?: string | null;
  reason?: string | null;
  counts?: { quotes?: number; entities?: number };
}

async function summary(stack: LocalStack): Promise<string> {
  const response = await fetch(`${stack.apiUrl}/articles?limit=50`);
  if (!response.ok) return `  (GET /articles answered ${response.status})`;
  const { items } = (await response.json()) as { items: ArticleSummary[] };
  if (items.length === 0) return '  (no articles yet)';
  return items
    .map((a) => {
      const what =
        a.status === 'PROCESSED'
          ? `${a.counts?.quotes ?? 0} quotes, ${a.counts?.entities ?? 0} entities — ${a.title ?? '(untitled)'}`
          : (a.reason ?? '');
      return `  ${(a.status ?? '?').padEnd(9)} ${a.id}  ${a.sourceKey ?? ''}\n            ${what}`;
    })
    .join('\n');
}

async function uploadSamples(stack: LocalStack, dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !isIgnored(n) && statSync(join(dir, n)).isFile());
  } catch {
    return [];
  }
  for (const name of names) {
    await stack.s3.send(
      new PutObjectCommand({
        Bucket: stack.bucket,
        Key: `${RAW_PREFIX}${name}`,
        Body: readFileSync(join(dir, name)),
        ContentType: contentTypeFor(name),
      }),
    );
  }
  return names;
}

async function main(): Promise<void> {
  const apiPort = port('API_PORT', 3000);
  const s3Port = port('S3_PORT', 4569);
  const dynamoPort = port('DYNAMODB_PORT', 8000);
  const dataDir = resolve(process.env.DATA_DIR || join(ROOT, '.local'));
  const inboxDir = resolve(process.env.INBOX_DIR || join(ROOT, 'inbox'));
  const samplesDir = join(ROOT, 'samples');

  // Signal handlers first: a Ctrl-C during start-up must also stop DynamoDB Local (the 'exit' hook kills it).
  let stack: LocalStack | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping || !stack) {
      if (stopping) console.log('Forced exit.');
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping local mode…`);
    await stack.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  console.log('Starting local mode (s3rver, DynamoDB Local, queues, handlers, HTTP API)…');
  stack = await startLocalStack({
    dataDir,
    persistent: true,
    s3Port,
    dynamoPort,
    apiPort,
    bucket: process.env.BUCKET || 'articles',
    table: process.env.TABLE || 'annotator',
    inboxDir,
    logLevel: process.env.LOG_LEVEL || 'WARN',
    handlerIsolation: isolation(),
    log: (message) => console.log(message),
  });

  const uploaded = await uploadSamples(stack, samplesDir);
  console.log(`Uploaded ${uploaded.length} sample article(s) from samples/; processing…`);
  await stack.idle();

  const apiUrl = stack.apiUrl.replace('127.0.0.1', 'localhost');
  const cliEnv = `AWS_ACCESS_KEY_ID=${LOCAL_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_CREDENTIALS.secretAccessKey} AWS_DEFAULT_REGION=${LOCAL_REGION}`;
  console.log(`
Annotator is running locally.

  S3 endpoint     ${stack.s3Endpoint}   bucket: ${stack.bucket} (drop articles under ${RAW_PREFIX})
  DynamoDB Local  ${stack.dynamoEndpoint}   table: ${stack.table}
  HTTP API        ${apiUrl}
  Data            ${display(stack.dataDir)}  (dead letters in ${display(stack.dlqDir)}; npm run redrive retries them)
  Drop folder     ${display(inboxDir)}  (any file put here is uploaded to ${RAW_PREFIX})

Try:
  curl ${apiUrl.replace('http://', '')}/articles
  curl ${apiUrl.replace('http://', '')}/articles/<id>/quotes
  export ${cliEnv}
  aws --endpoint-url ${stack.s3Endpoint} s3 cp FILE s3://${stack.bucket}/${RAW_PREFIX}
  aws --endpoint-url ${stack.s3Endpoint} s3 ls s3://${stack.bucket}/ --recursive

Articles:
${await summary(stack)}

Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  console.error(`\nLocal mode failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
