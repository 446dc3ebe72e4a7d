/**
 * An in-process stand-in for "SQS queue + Lambda event source mapping + redrive to a DLQ", good enough to run the
 * real handlers locally with the semantics they rely on in AWS:
 * - records shaped as Lambda delivers them (messageId, receiptHandle, body, md5OfBody, attributes with
 *   ApproximateReceiveCount, eventSource `aws:sqs`, eventSourceARN, awsRegion);
 * - batches of up to `batchSize` (10) collected during a short batching window;
 * - `reportBatchItemFailures`: only the listed messages are retried; a thrown (or timed-out) handler, or a response
 *   naming a message that is not in the batch, fails the whole batch;
 * - a failed message becomes visible again after a delay that doubles on each receive (visibility-timeout stand-in);
 * - after `maxReceiveCount` receives it is moved to the dead-letter folder `<dlqDir>/<queue>/<messageId>.json`.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined | null>;

export interface LocalQueueOptions {
  /** Queue name, e.g. `clean-queue`; also the DLQ sub-folder name. */
  name: string;
  handler: SqsHandler;
  /** Dead-letter root: failed messages land in `<dlqDir>/<name>/<messageId>.json`. */
  dlqDir: string;
  /** Name of the function the handler stands for (Lambda context). */
  functionName?: string;
  batchSize?: number;
  /** How long to wait for more messages before delivering a partial batch. */
  batchWindowMs?: number;
  /** Delay before the first redelivery; doubles with each further receive, capped at `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Redrive policy maxReceiveCount (the handlers' MAX_RECEIVE_COUNT must equal it). */
  maxReceiveCount?: number;
  /** Function timeout: a batch still running after this long counts as failed. */
  timeoutMs?: number;
  /** Batches handled at the same time (Lambda concurrency). */
  concurrency?: number;
  region?: string;
  accountId?: string;
  /**
   * Why the handler reported a message in batchItemFailures (the SQS contract carries no reason); the dead-letter
   * file records it. The local stack fills it from the handlers' failure listener (shared/events/s3-batch.ts).
   */
  failureReason?: (messageId: string) => string | undefined;
  /** Where delivery problems are reported (handler errors, dead-lettered messages). */
  log?: (message: string) => void;
}

export interface DeadLetter {
  messageId: string;
  queue: string;
  body: string;
  attempts: number;
  lastError: string;
  sentAt: string;
  deadLetteredAt: string;
}

export interface QueueStats {
  sent: number;
  /** Handler invocations. */
  batches: number;
  succeeded: number;
  retried: number;
  deadLettered: number;
}

interface Message {
  messageId: string;
  body: string;
  md5OfBody: string;
  sentTimestamp: number;
  firstReceiveTimestamp?: number;
  receiveCount: number;
  visibleAt: number;
  lastError?: string;
}

const MAX_BATCH = 10;

export class LocalQueue {
  readonly name: string;
  readonly arn: string;
  readonly deadLetterDir: string;
  readonly stats: QueueStats = { sent: 0, batches: 0, succeeded: 0, retried: 0, deadLettered: 0 };

  private readonly options: Required<Omit<LocalQueueOptions, 'log' | 'failureReason'>> &
    Pick<LocalQueueOptions, 'failureReason'> & { log: (message: string) => void };
  private readonly waiting: Message[] = [];
  private inFlightBatches = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private idleWaiters: (() => void)[] = [];
  private stopped = false;
  private paused = false;
  private readonly running = new Set<Promise<void>>();

  constructor(options: LocalQueueOptions) {
    this.options = {
      functionName: options.name,
      batchSize: MAX_BATCH,
      batchWindowMs: 100,
      retryDelayMs: 1000,
      maxRetryDelayMs: 30_000,
      maxReceiveCount: 5,
      timeoutMs: 60_000,
      concurrency: 1,
      region: 'us-east-1',
      accountId: '000000000000',
      log: (message) => console.error(message),
      ...options,
    };
    if (this.options.batchSize < 1 || this.options.batchSize > MAX_BATCH) {
      throw new Error(`batchSize must be between 1 and ${MAX_BATCH}`);
    }
    this.name = options.name;
    this.arn = `arn:aws:sqs:${this.options.region}:${this.options.accountId}:${options.name}`;
    this.deadLetterDir = join(options.dlqDir, options.name);
  }

  /** Enqueues a message (SendMessage). Returns its messageId. */
  send(body: string): string {
    if (this.stopped) throw new Error(`queue ${this.name} is stopped`);
    const now = Date.now();
    const message: Message = {
      messageId: randomUUID(),
      body,
      md5OfBody: createHash('md5').update(body, 'utf8').digest('hex'),
      sentTimestamp: now,
      receiveCount: 0,
      visibleAt: now,
    };
    this.waiting.push(message);
    this.stats.sent += 1;
    this.schedule();
    return message.messageId;
  }

  /**
   * Stops handing out batches (messages keep arriving and wait) until `resume()`; running batches finish. Like
   * disabling the Lambda event source mapping. Tests use it to act on objects before their events are handled.
   */
  pause(): void {
    this.paused = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }

  resume(): void {
    this.paused = false;
    this.schedule();
  }

  /** Messages waiting or being handled. */
  get depth(): number {
    return this.waiting.length + this.inFlightBatches;
  }

  /** Resolves when no message is waiting (including retries) and no batch is running. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolveIdle) => this.idleWaiters.push(resolveIdle));
  }

  isIdle(): boolean {
    return this.waiting.length === 0 && this.inFlightBatches === 0;
  }

  /** Stops delivering; waits for running batches. Waiting messages are dropped (like a deleted local queue). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.running]);
    this.waiting.length = 0;
    this.notifyIdle();
  }

  private schedule(): void {
    if (this.stopped || this.paused || this.inFlightBatches >= this.options.concurrency) return;
    const now = Date.now();
    const visible = this.waiting.filter((m) => m.visibleAt <= now).length;
    let at: number;
    if (visible >= this.options.batchSize) {
      at = now;
    } else if (visible > 0) {
      // Batching window: counted from the oldest visible message becoming visible.
      const oldest = Math.min(...this.waiting.filter((m) => m.visibleAt <= now).map((m) => m.visibleAt));
      at = Math.max(now, oldest + this.options.batchWindowMs);
    } else if (this.waiting.length > 0) {
      at = Math.min(...this.waiting.map((m) => m.visibleAt));
    } else {
      return;
    }
    if (this.timer && at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.deliver();
      },
      Math.max(0, at - now),
    );
  }

  private deliver(): void {
    if (this.stopped || this.paused) return;
    const now = Date.now();
    const batch: Message[] = [];
    for (const message of this.waiting) {
      if (batch.length >= this.options.batchSize) break;
      if (message.visibleAt <= now) batch.push(message);
    }
    if (batch.length === 0) {
      this.schedule();
      return;
    }
    for (const message of batch) this.waiting.splice(this.waiting.indexOf(message), 1);
    this.inFlightBatches += 1;
    const run = this.invoke(batch).finally(() => {
      this.running.delete(run);
      this.inFlightBatches -= 1;
      this.schedule();
      this.notifyIdle();
    });
    this.running.add(run);
    this.schedule();
  }

  private async invoke(batch: Message[]): Promise<void> {
    const now = Date.now();
    const records: SQSRecord[] = batch.map((message) => {
      message.receiveCount += 1;
      message.firstReceiveTimestamp ??= now;
      return {
        messageId: message.messageId,
        receiptHandle: randomBytes(48).toString('base64'),
        body: message.body,
        attributes: {
          ApproximateReceiveCount: String(message.receiveCount),
          SentTimestamp: String(message.sentTimestamp),
          SenderId: 'AIDALOCALSENDER000000',
          ApproximateFirstReceiveTimestamp: String(message.firstReceiveTimestamp),
        },
        messageAttributes: {},
        md5OfBody: message.md5OfBody,
        eventSource: 'aws:sqs',
        eventSourceARN: this.arn,
        awsRegion: this.options.region,
      };
    });
    this.stats.batches += 1;
    const failed = new Map<string, string>();
    try {
      const response = await this.callHandler({ Records: records });
      const failures = response?.batchItemFailures ?? [];
      const ids = new Set(batch.map((m) => m.messageId));
      const unknown = failures.find((f) => !f.itemIdentifier || !ids.has(f.itemIdentifier));
      if (unknown) {
        // Lambda treats an invalid itemIdentifier as a failure of the whole batch.
        const reason = `batchItemFailures named an unknown message id ${JSON.stringify(unknown.itemIdentifier)}`;
        for (const message of batch) failed.set(message.messageId, reason);
      } else {
        for (const failure of failures) {
          const reason = this.options.failureReason?.(failure.itemIdentifier);
          failed.set(failure.itemIdentifier, reason ?? 'reported in batchItemFailures');
        }
      }
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.options.log(`[${this.name}] handler failed for a batch of ${batch.length}: ${reason}`);
      for (const message of batch) failed.set(message.messageId, reason);
    }
    for (const message of batch) {
      const reason = failed.get(message.messageId);
      if (reason === undefined) {
        this.stats.succeeded += 1;
        continue;
      }
      message.lastError = reason;
      if (message.receiveCount >= this.options.maxReceiveCount) {
        this.deadLetter(message);
      } else {
        this.stats.retried += 1;
        const delay = Math.min(
          this.options.retryDelayMs * 2 ** (message.receiveCount - 1),
          this.options.maxRetryDelayMs,
        );
        message.visibleAt = Date.now() + delay;
        this.waiting.push(message);
      }
    }
  }

  private async callHandler(event: SQSEvent): Promise<SQSBatchResponse | undefined | null> {
    const started = Date.now();
    const { timeoutMs, functionName, region, accountId } = this.options;
    const context: Context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}`,
      memoryLimitInMB: '1024',
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${functionName}`,
      logStreamName: `local/${this.name}`,
      getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    };
    let timer: NodeJS.Timeout | undefined;
    const timedOut = () => new Error(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut()), timeoutMs);
    });
    const running = Promise.resolve().then(() => this.options.handler(event, context));
    try {
      const result = await Promise.race([running, timeout]);
      // CPU-bound work can finish after the deadline before the timer gets a chance to fire: Lambda would have
      // stopped it, so it counts as a timeout all the same.
      if (Date.now() - started > timeoutMs) throw timedOut();
      return result;
    } catch (error) {
      // Lambda kills a timed-out sandbox; here the handler cannot be killed, so the "sandbox" stays busy (this
      // concurrency slot is not released) until the work really stops. Retries never overlap a zombie.
      await running.catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private deadLetter(message: Message): void {
    this.stats.deadLettered += 1;
    const letter: DeadLetter = {
      messageId: message.messageId,
      queue: this.name,
      body: message.body,
      attempts: message.receiveCount,
      lastError: message.lastError ?? 'unknown',
      sentAt: new Date(message.sentTimestamp).toISOString(),
      deadLetteredAt: new Date().toISOString(),
    };
    mkdirSync(this.deadLetterDir, { recursive: true });
    const file = join(this.deadLetterDir, `${message.messageId}.json`);
    writeFileSync(file, `${JSON.stringify(letter, null, 2)}\n`);
    this.options.log(`[${this.name}] message ${message.messageId} moved to ${file} after ${letter.attempts} receives`);
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolveIdle of waiters) resolveIdle();
  }
}
