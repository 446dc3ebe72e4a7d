/** The S3 client for operator scripts: the local bucket with `--local`, else AWS's default credential chain. */
import { S3Client } from '@aws-sdk/client-s3';

export function operatorS3Client(local: boolean): S3Client {
  if (!local) return new S3Client({});
  return new S3Client({
    endpoint: `http://127.0.0.1:${process.env.S3_PORT ?? '4569'}`,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
