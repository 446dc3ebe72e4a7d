/**
 * The S3 client, created once per container at module load. One module per service (see `dynamodb-client.ts`), so a
 * bundle holds only the SDK clients its handler imports: the clean function has no DynamoDB code at all.
 *
 * The endpoint comes from the SDK's own settings (`AWS_ENDPOINT_URL_S3`; unset in AWS), so local mode needs no code
 * path of its own beyond path-style addressing (`S3_FORCE_PATH_STYLE`, validated in `config.ts`).
 */
import { S3Client } from '@aws-sdk/client-s3';
import { loadConfig } from '../config.ts';

const { S3_FORCE_PATH_STYLE } = loadConfig('clients');

export const s3 = new S3Client({ forcePathStyle: S3_FORCE_PATH_STYLE });
