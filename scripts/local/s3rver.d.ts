/** Minimal typings for the parts of s3rver 3.x that local mode uses (the package ships none). */
declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  import type { Server } from 'node:http';
  import type { AddressInfo } from 'node:net';

  export interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    serviceEndpoint?: string;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  /** Koa-style middleware (s3rver is a Koa application). */
  export type S3rverMiddleware = (ctx: S3rverContext, next: () => Promise<void>) => Promise<void>;

  export interface S3rverContext {
    method: string;
    query: Record<string, string | string[] | undefined>;
    params?: { bucket?: string; key?: string };
    path: string;
    status: number;
    body: unknown;
    /** Response Content-Type (Koa's ctx.type). */
    type: string;
    headers: Record<string, string | string[] | undefined>;
    ip: string;
  }

  /** The parts of s3rver's FilesystemStore that local mode uses or wraps. */
  export interface S3rverStore {
    existsObject(bucket: string, key: string): Promise<boolean>;
    getSubresource(bucket: string, key: string | undefined, type: string): Promise<unknown>;
    putSubresource(bucket: string, key: string | undefined, resource: { type: string }): Promise<void>;
    deleteSubresource(bucket: string, key: string | undefined, type: string): Promise<void>;
    getBucket(bucket: string): Promise<unknown>;
    getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<S3rverObject | null>;
    putObject(object: S3rverObject): Promise<{ size: number; md5: string }>;
    deleteObject(bucket: string, key: string): Promise<void>;
    copyObject(
      srcBucket: string,
      srcKey: string,
      destBucket: string,
      destKey: string,
      replacementMetadata?: Record<string, unknown>,
    ): Promise<Record<string, unknown>>;

    putBucket(bucket: string): Promise<unknown>;
    deleteBucket(bucket: string): Promise<void>;
    reset(): void;
  }

  /** s3rver's object model (`lib/models/object.js`): content is a readable stream (or, for a PUT, the request). */
  export interface S3rverObject {
    bucket: string;
    key: string;
    content: NodeJS.ReadableStream | Buffer | null;
    metadata: Record<string, string | number>;
    range?: { start: number; end: number };
  }

  export default class S3rver extends EventEmitter {
    constructor(options?: S3rverOptions);
    middleware: S3rverMiddleware[];
    /** The object store (filesystem). */
    store: S3rverStore;
    httpServer?: Server;
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}

declare module 's3rver/lib/models/account.js' {
  export interface AwsAccount {
    createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  }
  export const DUMMY_ACCOUNT: AwsAccount;
}

declare module 's3rver/lib/models/object.js' {
  import type { S3rverObject } from 's3rver';

  const S3Object: {
    new (
      bucket: string,
      key: string,
      content: S3rverObject['content'],
      metadata: Record<string, string | number>,
    ): S3rverObject;
    ALLOWED_METADATA: string[];
  };
  export default S3Object;
}
