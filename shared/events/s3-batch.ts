/**
 * The SQS(S3 event) batch loop shared by the clean and annotate functions: Powertools partial batch responses
 * (one bad message never re-runs the batch), structured logs keyed by S3 key and article id, metrics per outcome,
 * and a last-attempt hook that records a FAILED status before the message goes to the dead-letter queue.
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
}

const METRIC_BY_OUTCOME: Record<string, string> = {
  cleaned: 'ArticlesCleaned',
  written: 'ArticlesProcessed',
  rejected: 'ArticlesRejected',
  removed: 'ArticlesRemoved',
};

export function s3BatchHandler(options: S3BatchOptions) {
  const { logger, metrics } = options;
  const processor = new BatchProcessor(EventType.SQS);

  const recordHandler = async (record: SQSRecord): Promise<void> => {
    const receiveCount = Number(record.attributes.ApproximateReceiveCount ?? '1');
    const events = parseS3Notification(record.body);
    for (const event of events) {
      const keys = { s3Key: event.key, articleId: articleIdForKey(event.key), messageId: record.messageId };
      try {
        const outcome = await options.process(event);
        logger.info('Object event handled', { ...keys, kind: event.kind, outcome, receiveCount });
        const metric = METRIC_BY_OUTCOME[outcome];
        if (metric) metrics.addMetric(metric, MetricUnit.Count, 1);
      } catch (error) {
        const last = receiveCount >= options.maxReceiveCount;
        logger.error('Object event failed', { ...keys, receiveCount, lastAttempt: last, error });
        if (last) {
          metrics.addMetric('ArticlesFailed', MetricUnit.Count, 1);
          await options.onFinalFailure(event, error).catch((recordError: unknown) => {
            logger.error('Could not record the failure', { ...keys, error: recordError });
          });
        }
        throw error;
      }
    }
  };

  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    try {
      return await processPartialResponse(event, recordHandler, processor, { context });
    } finally {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}
