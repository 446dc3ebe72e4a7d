/**
 * The cost model (pure): AWS list prices, DynamoDB capacity-unit arithmetic, and the cost per 1,000 articles of
 * the pipeline (Lambda compute + requests, S3, SQS, DynamoDB) next to Amazon Comprehend entity detection.
 */

/**
 * us-east-1 list prices, as published on the AWS pricing pages (checked 2025-06; unchanged since: Lambda arm64 since
 * the Graviton2 launch in 2021-09, DynamoDB on-demand since the 2024-11-01 price cut). Re-check before quoting.
 */
export const PRICES = {
  source:
    'aws.amazon.com/{lambda,s3,sqs,dynamodb,comprehend}/pricing, us-east-1, list prices as of 2025-06 (no free tier)',
  /** Lambda arm64, first 7.5 billion GB-s per month. */
  lambdaArmPerGbSecond: 0.0000133334,
  lambdaPerRequest: 0.2 / 1_000_000,
  /** S3 Standard: PUT, COPY, POST, LIST. */
  s3PutPerRequest: 0.005 / 1000,
  /** S3 Standard: GET, SELECT and all other requests (HEAD included). DELETE is free. */
  s3GetPerRequest: 0.0004 / 1000,
  /** SQS standard queue, per request (each 64 KB chunk of a payload is one request). */
  sqsPerRequest: 0.4 / 1_000_000,
  /** DynamoDB on-demand (Standard table class). */
  dynamoPerWriteUnit: 0.625 / 1_000_000,
  dynamoPerReadUnit: 0.125 / 1_000_000,
  /** Amazon Comprehend DetectEntities: $0.0001 per 100-character unit, 3 units minimum per request. */
  comprehendPerUnit: 0.0001,
  comprehendCharsPerUnit: 100,
  comprehendMinUnits: 3,
} as const;

/** Lambda gives a function one full vCPU at 1,769 MB and a proportional share below (AWS Lambda docs). */
export const LAMBDA_FULL_VCPU_MB = 1769;

/** How much slower single-threaded CPU-bound code runs at `memoryMb` than on one full core (≥ 1). */
export function cpuShareFactor(memoryMb: number): number {
  return Math.max(1, LAMBDA_FULL_VCPU_MB / memoryMb);
}

/** Comprehend units billed for one document of `chars` characters. */
export function comprehendUnits(chars: number): number {
  return Math.max(PRICES.comprehendMinUnits, Math.ceil(chars / PRICES.comprehendCharsPerUnit));
}

/** Comprehend DetectEntities cost of a set of documents (one request each). */
export function comprehendCost(charsPerDocument: readonly number[]): number {
  let units = 0;
  for (const chars of charsPerDocument) units += comprehendUnits(chars);
  return units * PRICES.comprehendPerUnit;
}

/**
 * Size of a DynamoDB item in bytes by the documented rules: attribute names + values; strings and binaries by their
 * UTF-8 length, numbers about 1 byte per 2 significant digits + 1, null/boolean 1 byte, lists and maps 3 bytes +
 * 1 byte per element + their contents, sets the sum of their elements.
 */
export function dynamoItemBytes(item: Record<string, unknown>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += Buffer.byteLength(name, 'utf8') + dynamoValueBytes(value);
  }
  return size;
}

function dynamoValueBytes(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number' || typeof value === 'bigint') {
    const digits =
      String(value)
        .replace(/[-.]|e.*$/gi, '')
        .replace(/^0+/, '').length || 1;
    return Math.ceil(digits / 2) + 1;
  }
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) {
    let size = 0;
    for (const v of value) size += dynamoValueBytes(v);
    return size;
  }
  if (Array.isArray(value)) {
    let size = 3;
    for (const v of value) size += 1 + (v === undefined ? 1 : dynamoValueBytes(v));
    return size;
  }
  if (typeof value === 'object') {
    let size = 3;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      size += 1 + Buffer.byteLength(k, 'utf8') + dynamoValueBytes(v);
    }
    return size;
  }
  return 1;
}

/** Write request units of writing (or deleting) an item of `bytes` bytes: 1 per started KB. */
export const writeUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));

/** Read request units of reading `bytes` bytes: 1 per started 4 KB, half for eventually consistent reads. */
export const readUnits = (bytes: number, consistent: boolean): number =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);

/** Average AWS requests made per article (the counting adapters in requests.ts measure them). */
export interface RequestsPerArticle {
  s3Get: number;
  s3Put: number;
  s3Head: number;
  s3Delete: number;
  dynamoReadUnits: number;
  dynamoWriteUnits: number;
  /** API calls by name (GetItem, BatchWriteItem, PutItem, Query, UpdateItem), for the report. */
  dynamoCalls: Record<string, number>;
  /** SQS requests: S3's SendMessage per queue, plus the Lambda poller's ReceiveMessage/DeleteMessageBatch. */
  sqs: number;
}

export interface FunctionCost {
  name: string;
  memoryMb: number;
  /** Measured CPU time on one full core per article (the pure work of this function). */
  cpuMsPerArticle: number;
  /** Estimated time waiting on AWS calls per article (not CPU, but billed). */
  ioMsPerArticle: number;
  /** Articles per invocation (SQS batch size actually reached). */
  articlesPerInvocation: number;
}

export interface CostInputs {
  functions: readonly FunctionCost[];
  requests: RequestsPerArticle;
  /** Characters of the cleaned text of each article (for the Comprehend comparison). */
  charsPerArticle: readonly number[];
}

export interface CostBreakdown {
  /** Per 1,000 articles. */
  lambdaCompute: number;
  lambdaComputeByFunction: Record<string, { billedMs: number; cost: number }>;
  lambdaRequests: number;
  s3: number;
  sqs: number;
  dynamo: number;
  total: number;
  /** Comprehend DetectEntities on the same texts, per 1,000 articles. */
  comprehend: number;
}

/** Cost per 1,000 articles. Billed Lambda time = CPU time scaled by the memory's CPU share + I/O wait. */
export function costPer1000(inputs: CostInputs): CostBreakdown {
  const n = 1000;
  const byFunction: CostBreakdown['lambdaComputeByFunction'] = {};
  let lambdaCompute = 0;
  let lambdaRequests = 0;
  for (const fn of inputs.functions) {
    const billedMs = fn.cpuMsPerArticle * cpuShareFactor(fn.memoryMb) + fn.ioMsPerArticle;
    const cost = n * (billedMs / 1000) * (fn.memoryMb / 1024) * PRICES.lambdaArmPerGbSecond;
    byFunction[fn.name] = { billedMs, cost };
    lambdaCompute += cost;
    lambdaRequests += (n / Math.max(1, fn.articlesPerInvocation)) * PRICES.lambdaPerRequest;
  }
  const r = inputs.requests;
  const s3 = n * ((r.s3Get + r.s3Head) * PRICES.s3GetPerRequest + r.s3Put * PRICES.s3PutPerRequest);
  const sqs = n * r.sqs * PRICES.sqsPerRequest;
  const dynamo = n * (r.dynamoReadUnits * PRICES.dynamoPerReadUnit + r.dynamoWriteUnits * PRICES.dynamoPerWriteUnit);
  const docs = inputs.charsPerArticle.length;
  const comprehend = docs > 0 ? (comprehendCost(inputs.charsPerArticle) / docs) * n : Number.NaN;
  return {
    lambdaCompute,
    lambdaComputeByFunction: byFunction,
    lambdaRequests,
    s3,
    sqs,
    dynamo,
    total: lambdaCompute + lambdaRequests + s3 + sqs + dynamo,
    comprehend,
  };
}

/**
 * Assumed in-region latency of one AWS call from Lambda (small objects/items), for the billed time spent waiting.
 * Counted sequentially per article (no overlap across the batch), so the estimate is an upper bound.
 */
export const ASSUMED_CALL_MS = { s3: 20, dynamo: 6 } as const;

/** Estimated I/O wait per article of a function, from its calls per article (`S3 GetObject`, `DynamoDB PutItem`…). */
export function ioMsFor(calls: Record<string, number>): number {
  let ms = 0;
  for (const [name, n] of Object.entries(calls)) {
    if (name.startsWith('S3 ')) ms += n * ASSUMED_CALL_MS.s3;
    else if (name.startsWith('DynamoDB ')) ms += n * ASSUMED_CALL_MS.dynamo;
  }
  return ms;
}
