/** SQS(S3 ObjectCreated/Removed on cleaned/) → annotate → DynamoDB records */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { annotateObject, articleIdFromCleanedKey, recordAnnotateFailure } from '../shared/app/annotate-object.ts';
import { dynamo } from '../shared/aws/dynamodb-client.ts';
import { s3 } from '../shared/aws/s3-client.ts';
import { loadConfig } from '../shared/config.ts';
import { s3BatchHandler } from '../shared/events/s3-batch.ts';
import { DynamoArticleStore } from '../shared/store/dynamodb-store.ts';
import { S3Objects } from '../shared/store/s3-objects.ts';

const config = loadConfig('annotate');
const logger = new Logger({ serviceName: 'annotator-annotate' });
const metrics = new Metrics({ namespace: 'Annotator', serviceName: 'annotator-annotate' });

const deps = {
  objects: new S3Objects(s3, config.BUCKET_NAME),
  store: new DynamoArticleStore(dynamo, config.TABLE_NAME),
  cleanedPrefix: config.CLEANED_PREFIX,
};

export const handler = s3BatchHandler({
  logger,
  metrics,
  maxReceiveCount: config.MAX_RECEIVE_COUNT,
  process: (event) => annotateObject(deps, event),
  onFinalFailure: (event, error) => recordAnnotateFailure(deps, event, error),
  // cleaned/<articleId>.json: the id is in the key (hashing the key would give another id).
  articleIdOf: (key) => articleIdFromCleanedKey(config.CLEANED_PREFIX, key),
});
