/** S3 clients for the local bucket (s3rver) and for operator scripts. */
import { S3Client } from '@aws-sdk/client-s3';

/** The key pair registered with s3rver; DynamoDB Local (-sharedDb) accepts any. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
export const LOCAL_REGION = 'us-east-1';

/** A client for s3rver: path-style addressing, checksums only when required (else streamed uploads are corrupted). */
export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** The client for operator scripts: `npm start`'s bucket with `--local`, else AWS's default credential chain. */
export function operatorS3Client(local: boolean): S3Client {
  return local ? localS3Client(`http://127.0.0.1:${process.env.S3_PORT ?? '4569'}`) : new S3Client({});
}
