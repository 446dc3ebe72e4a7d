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
    putBucket(bucket: string): Promise<unknown>;
    deleteBucket(bucket: string): Promise<void>;
    reset(): void;
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
