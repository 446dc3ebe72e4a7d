/** The S3 adapter: raw objects in, cleaned objects out. */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { InputTooLargeError } from '../errors.ts';
import type { CleanedObject } from '../records.ts';

/**
 * The record schemas (and zod) are loaded on the first `readCleaned`, not at module load: the clean function reads a
 * cleaned object only to recognise a redelivered event, so its cold start builds none of them (docs/bench.md).
 */
let cleanedSchema: Promise<typeof import('../records.ts')['CleanedObjectSchema']> | undefined;
const loadCleanedSchema = () => {
  cleanedSchema ??= import('../records.ts').then((m) => m.CleanedObjectSchema);
  return cleanedSchema;
};

export interface RawObject {
  bytes: Uint8Array;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  eTag: string | undefined;
}

/** S3's answer to a conditional write whose condition did not hold (e.g. `If-None-Match: *` on an existing key). */
function isPreconditionFailed(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'PreconditionFailed' || error.$metadata.httpStatusCode === 412)
  );
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
  );
}

export class S3Objects {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  /** The object as stored now, or null when it no longer exists. Refuses to download more than `maxBytes`. */
  async readRaw(key: string, maxBytes: number): Promise<RawObject | null> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (out.ContentLength !== undefined && out.ContentLength > maxBytes) {
        out.Body?.transformToWebStream().cancel();
        throw new InputTooLargeError(maxBytes);
      }
      const bytes = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
      if (bytes.byteLength > maxBytes) throw new InputTooLargeError(maxBytes);
      return { bytes, contentType: out.ContentType, contentEncoding: out.ContentEncoding, eTag: out.ETag };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /**
   * Writes the cleaned object. With `onlyIfAbsent`, a conditional create (`If-None-Match: *`): nothing is written
   * when the key already exists, and the answer is false. Otherwise true.
   */
  async writeCleaned(key: string, object: CleanedObject, options: { onlyIfAbsent?: boolean } = {}): Promise<boolean> {
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: JSON.stringify(object),
          ContentType: 'application/json; charset=utf-8',
          ...(options.onlyIfAbsent ? { IfNoneMatch: '*' } : {}),
        }),
      );
      return true;
    } catch (error) {
      if (options.onlyIfAbsent && isPreconditionFailed(error)) return false;
      throw error;
    }
  }

  /** The cleaned object, or null when it no longer exists. */
  async readCleaned(key: string): Promise<CleanedObject | null> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const [text, schema] = await Promise.all([out.Body?.transformToString('utf-8'), loadCleanedSchema()]);
      return schema.parse(JSON.parse(text ?? ''));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
