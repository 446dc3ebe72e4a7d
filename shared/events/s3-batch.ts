/**
 * The SQS(S3 event) batch loop shared by the clean and annotate functions: Powertools partial batch responses
 * (one bad message never re-runs the batch), structured logs keyed by S3 key and article id, metrics per outcome,
 * and a last-attempt hook that records a FAILED status before the message goes to the dead-letter queue.
 *
 * Reliability rules (docs/reliability.md):
 * - records are handled one at a time: messages on their last attempt first (so they get a start), then fresh ones,
 *   then other retried ones (perhaps the ones that ran an invocation out of time or memory), so a poison message
 *   does not take healthy batch-mates down with it;
 * - a record is not started when too little of the invocation's time is left: it is handed back for a retry
 *   instead of being cut off half-way by the function timeout;
 * - on a message's last attempt a FAILED status is recorded BEFORE processing ("did not complete"), so even a
 *   timeout or an out-of-memory crash, which skip every `catch`, leaves a visible status; success overwrites it;
 * - every log line of a record carries `s3Key`, `articleId` and `messageId` (Logger.appendKeys), never article text.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { articleIdForKey } from '../ids.ts';
import { type ObjectEvent, parseS3Notification } from './s3-records.ts';

export interface S3BatchOptions {
  logger: Logger;
  metrics: Metrics;
  maxReceiveCount: number;
  process(event: ObjectEvent): Promise<string>;
  onFinalFailure(event: ObjectEvent, error: unknown): Promise<void>;
  /** The article id an object key belongs to, for the logs (default: the id of a raw/ key). */
  articleIdOf?(key: string): string | null;
  /**
   * Do not start a record (other than the batch's first) with less than this much invocation time left: it is handed
   * back for a retry instead of being cut off by the timeout (default 30 s, half the functions' 60 s).
   */
  minRemainingMs?: number;
}

const METRIC_BY_OUTCOME: Record<string, string> = {
  cleaned: 'ArticlesCleaned',
  written: 'ArticlesProcessed',
  rejected: 'ArticlesRejected',
  removed: 'ArticlesRemoved',
  failed: 'ArticlesFailed',
};

/** Thrown for a record that was not started because the invocation was about to time out. */
export class OutOfTimeError extends Error {
  override name = 'OutOfTimeError';
}

/** What the pre-recorded FAILED status says when the last attempt never reports back (timeout, out of memory). */
export class AttemptsExhaustedError extends Error {
  override name = 'AttemptsExhaustedError';
  constructor(attempts: number) {
    super(
      `Processing did not complete in ${attempts} attempts; the last one may have run out of time or memory. ` +
        'The message is in the dead-letter queue: fix the cause, then redrive it.',
    );
  }
}

/** A record that failed in this invocation (it will be retried, or dead-lettered after its last attempt). */
export interface RecordFailure {
  messageId: string;
  s3Key: string | null;
  reason: string;
}

const failureListeners = new Set<(failure: RecordFailure) => void>();

/**
 * Observe record failures in this process. Nothing listens in AWS (the reason is in the logs, keyed by messageId,
 * and in the FAILED status); the local queues listen so a dead letter file says why it failed. Returns `unsubscribe`.
 */
export function onRecordFailure(listener: (failure: RecordFailure) => void): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

export function s3BatchHandler(options: S3BatchOptions) {
  const { logger, metrics } = options;
  const minRemainingMs = options.minRemainingMs ?? 30_000;
  const processor = new BatchProcessor(EventType.SQS);

  const handleEvent = async (event: ObjectEvent, receiveCount: number): Promise<void> => {
    const last = receiveCount >= options.maxReceiveCount;
    if (last && receiveCount > 1 && event.kind === 'created') {
      // Pessimistic: if this attempt dies without a catch (timeout, OOM), the article still shows FAILED.
      await options.onFinalFailure(event, new AttemptsExhaustedError(receiveCount)).catch((error: unknown) => {
        logger.warn('Could not pre-record the failure of the last attempt', { error });
      });
    }
    try {
      const outcome = await options.process(event);
      logger.info('Object event handled', { kind: event.kind, outcome, receiveCount });
      const metric = METRIC_BY_OUTCOME[outcome];
      if (metric) metrics.addMetric(metric, MetricUnit.Count, 1);
    } catch (error) {
      logger.error('Object event failed', { kind: event.kind, receiveCount, lastAttempt: last, error });
      if (last) {
        metrics.addMetric('ArticlesFailed', MetricUnit.Count, 1);
        await options.onFinalFailure(event, error).catch((recordError: unknown) => {
          logger.error('Could not record the failure', { error: recordError });
        });
      }
      throw error;
    }
  };

  const recordHandler = async (record: SQSRecord, context: Context | undefined, first: boolean): Promise<void> => {
    const receiveCount = Number(record.attributes.ApproximateReceiveCount ?? '1');
    logger.appendKeys({ messageId: record.messageId });
    let currentKey: string | null = null;
    try {
      const events = parseS3Notification(record.body);
      for (const event of events) {
        currentKey = event.key;
        const articleId = options.articleIdOf ? options.articleIdOf(event.key) : articleIdForKey(event.key);
        logger.appendKeys({ s3Key: event.key, articleId: articleId ?? 'none' });
        const remaining = context?.getRemainingTimeInMillis?.();
        if (!first && remaining !== undefined && remaining < minRemainingMs) {
          logger.warn('Not started: too little time left in this invocation; it will be retried', { remaining });
          throw new OutOfTimeError(`Only ${remaining} ms left in the invocation`);
        }
        await handleEvent(event, receiveCount);
      }
    } catch (error) {
      const failure: RecordFailure = {
        messageId: record.messageId,
        s3Key: currentKey,
        reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      };
      for (const listener of failureListeners) listener(failure);
      throw error;
    } finally {
      logger.removeKeys(['messageId', 's3Key', 'articleId']);
    }
  };

  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    logger.addContext(context);
    // Messages on their last attempt first (they must get a start), then fresh ones, then other retried ones (they
    // may be the ones that ran an earlier invocation out of time or memory). Stable otherwise.
    const rank = (record: SQSRecord) => {
      const count = Number(record.attributes?.ApproximateReceiveCount ?? '1');
      return count >= options.maxReceiveCount ? 0 : count > 1 ? 2 : 1;
    };
    const ordered = [...event.Records].sort((a, b) => rank(a) - rank(b));
    let started = 0;
    try {
      return await processPartialResponse(
        { Records: ordered },
        (record: SQSRecord) => recordHandler(record, context, started++ === 0),
        processor,
        // All-failed batches are reported item by item too (not as one opaque FullBatchFailureError).
        { context, processInParallel: false, throwOnFullBatchFailure: false },
      );
    } finally {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}
