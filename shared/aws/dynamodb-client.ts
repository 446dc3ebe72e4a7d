/**
 * The DynamoDB document client, created once per container at module load. One module per service (see
 * `s3-client.ts`), so a bundle holds only the SDK clients its handler imports: the api function has no S3 code.
 *
 * The endpoint comes from the SDK's own settings (`AWS_ENDPOINT_URL_DYNAMODB`; unset in AWS).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  unmarshallOptions: { wrapNumbers: false },
});
