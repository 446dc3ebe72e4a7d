/**
 * CDK context flags (`npx cdk deploy -c publicApi=true`, or the `context` block of cdk.json) → stack props.
 * Values from the command line arrive as strings; values from cdk.json may be booleans or numbers. Anything
 * unrecognised fails the synth with a message naming the flag, rather than silently deploying a default.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import type { Node } from 'constructs';
import { type AnnotatorStackProps, DEFAULT_API_THROTTLE } from './annotator-stack.ts';

export const CONTEXT_FLAGS = {
  stackName: 'stackName',
  publicApi: 'publicApi',
  removalPolicy: 'removalPolicy',
  maxInputBytes: 'maxInputBytes',
  alarmTopicArn: 'alarmTopicArn',
  apiRateLimit: 'apiRateLimit',
  apiBurstLimit: 'apiBurstLimit',
} as const;

export class ContextError extends Error {
  override name = 'ContextError';
}

export function parseBoolean(flag: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === false) return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  throw new ContextError(`Context flag ${flag} must be true or false, got ${JSON.stringify(value)}`);
}

export function parsePositiveInt(flag: string, value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n <= 0) {
    throw new ContextError(`Context flag ${flag} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return n;
}

export function parseRemovalPolicy(value: unknown): RemovalPolicy.RETAIN | RemovalPolicy.DESTROY | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'retain') return RemovalPolicy.RETAIN;
    if (v === 'destroy') return RemovalPolicy.DESTROY;
  }
  throw new ContextError(`Context flag removalPolicy must be "retain" or "destroy", got ${JSON.stringify(value)}`);
}

export interface StackOptions extends AnnotatorStackProps {
  readonly stackName: string;
}

/** Reads every flag of CONTEXT_FLAGS from the construct tree's context. */
export function stackOptionsFromContext(node: Node): StackOptions {
  const get = (flag: string) => node.tryGetContext(flag) as unknown;
  const stackName = get(CONTEXT_FLAGS.stackName);
  if (stackName !== undefined && (typeof stackName !== 'string' || !/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName))) {
    throw new ContextError(
      `Context flag stackName must be a valid CloudFormation stack name, got ${JSON.stringify(stackName)}`,
    );
  }
  const alarmTopicArn = get(CONTEXT_FLAGS.alarmTopicArn);
  if (alarmTopicArn !== undefined && (typeof alarmTopicArn !== 'string' || !alarmTopicArn.startsWith('arn:'))) {
    throw new ContextError(`Context flag alarmTopicArn must be an SNS topic ARN, got ${JSON.stringify(alarmTopicArn)}`);
  }
  const rateLimit = parsePositiveInt(CONTEXT_FLAGS.apiRateLimit, get(CONTEXT_FLAGS.apiRateLimit));
  const burstLimit = parsePositiveInt(CONTEXT_FLAGS.apiBurstLimit, get(CONTEXT_FLAGS.apiBurstLimit));
  const options: StackOptions = {
    stackName: (stackName as string | undefined) ?? 'Annotator',
    publicApi: parseBoolean(CONTEXT_FLAGS.publicApi, get(CONTEXT_FLAGS.publicApi)) ?? false,
    removalPolicy: parseRemovalPolicy(get(CONTEXT_FLAGS.removalPolicy)) ?? RemovalPolicy.RETAIN,
    maxInputBytes: parsePositiveInt(CONTEXT_FLAGS.maxInputBytes, get(CONTEXT_FLAGS.maxInputBytes)),
    alarmTopicArn: alarmTopicArn as string | undefined,
    apiThrottle: {
      rateLimit: rateLimit ?? DEFAULT_API_THROTTLE.rateLimit,
      burstLimit: burstLimit ?? DEFAULT_API_THROTTLE.burstLimit,
    },
  };
  return options;
}
