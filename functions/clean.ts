/** SQS(S3 ObjectCreated/Removed on raw/) → clean → cleaned/<articleId>.json */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { cleanObject, recordCleanFailure } from '../shared/app/clean-object.ts';
import { s3 } from '../shared/aws/s3-client.ts';
import { loadConfig } from '../shared/config.ts';
import { s3BatchHandler } from '../shared/events/s3-batch.ts';
import { S3Objects } from '../shared/store/s3-objects.ts';

const config = loadConfig('clean');
const logger = new Logger({ serviceName: 'annotator-clean' });
const metrics = new Metrics({ namespace: 'Annotator', serviceName: 'annotator-clean' });

const deps = {
  objects: new S3Objects(s3, config.BUCKET_NAME),
  rawPrefix: config.RAW_PREFIX,
  cleanedPrefix: config.CLEANED_PREFIX,
  maxInputBytes: config.MAX_INPUT_BYTES,
};

export const handler = s3BatchHandler({
  logger,
  metrics,
  maxReceiveCount: config.MAX_RECEIVE_COUNT,
  process: (event) => cleanObject(deps, event),
  onFinalFailure: (event, error) => recordCleanFailure(deps, event, error),
});
