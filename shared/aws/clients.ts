/**
 * One client per AWS service, created once per container at module load. Endpoints come from the SDK's own
 * settings (`AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL_DYNAMODB`; unset in AWS), so local mode needs no code path
 * of its own beyond path-style addressing.
 *
 * The constructions are marked pure so that a bundle only keeps (and builds at cold start) the clients its
 * handler uses: the api function has no S3 client, the clean function no DynamoDB client.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../config.ts';

const { S3_FORCE_PATH_STYLE } = loadConfig('clients');

export const s3 = /* @__PURE__ */ new S3Client({ forcePathStyle: S3_FORCE_PATH_STYLE });

export const dynamo = /* @__PURE__ */ DynamoDBDocumentClient.from(/* @__PURE__ */ new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  unmarshallOptions: { wrapNumbers: false },
});
