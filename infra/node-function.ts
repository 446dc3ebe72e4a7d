/**
 * `PipelineFunction`: one NodejsFunction with the project's defaults — Node.js 22 on arm64, bundled locally by the
 * esbuild dev dependency (never Docker) into a minified ESM file with a source map shipped next to it, JSON logs into
 * its own log group with a retention, and its own role that may write only to that log group. Callers add their data
 * permissions.
 */
import { fileURLToPath } from 'node:url';
import { type Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  LogLevel,
  NodejsFunction,
  OutputFormat,
  SourceMapMode,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Repository root (this file lives in `<root>/infra/`). */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Bundled handlers are ESM; this banner gives CommonJS dependencies that call `require` a working one. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __annotatorCreateRequire } from 'node:module'; const require = __annotatorCreateRequire(import.meta.url);";

export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_22_X;
export const LAMBDA_ARCHITECTURE = lambda.Architecture.ARM_64;

/** NODE_OPTIONS of every function (the bench starts its cold-start processes with the same). */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';

/**
 * esbuild options shared by every function. The AWS SDK is bundled (not taken from the Lambda runtime) so that the
 * deployed code runs exactly the SDK versions pinned in package-lock.json and exercised by the local tests; `module`
 * first in `mainFields` picks the SDK's ESM builds, which tree-shake.
 *
 * Cold start (docs/bench.md, "Cold start"): the source map is written next to the bundle (`index.mjs.map`, shipped
 * in the asset) but NOT linked from it (`SourceMapMode.EXTERNAL`: no `sourceMappingURL` comment). With a linked map,
 * `--enable-source-maps` makes Node read, parse and index the 1.4-2.7 MB map while the bundle loads, on every cold
 * start (measured 12-33 ms of CPU per cold start here, on Node 20). Cost: stack traces in the logs show minified
 * names at `index.mjs:LINE:COLUMN`; map a position with the shipped map (docs/bench.md), or set `sourceMapMode`
 * back to `SourceMapMode.DEFAULT` to get mapped traces again (NODE_OPTIONS keeps `--enable-source-maps` for that).
 */
export const BUNDLING: BundlingOptions = {
  forceDockerBundling: false,
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.EXTERNAL,
  sourcesContent: false,
  bundleAwsSDK: true,
  externalModules: [],
  logLevel: LogLevel.WARNING,
};

export interface PipelineFunctionProps {
  /** Handler module, relative to the repository root, e.g. `functions/clean.ts` (exports `handler`). */
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** Function-specific environment; NODE_OPTIONS and the Powertools/log variables are added here. */
  readonly environment: Record<string, string>;
  /** `POWERTOOLS_SERVICE_NAME`, e.g. `annotator-clean`. */
  readonly serviceName: string;
  readonly metricsNamespace: string;
  readonly logRetention: logs.RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

export class PipelineFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });

    // An explicit role instead of the AWSLambdaBasicExecutionRole managed policy (which allows writing to every
    // log group in the account): this function may only create streams in, and write to, its own log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.serviceName} function`,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogGroup',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        // The log group's ARN attribute ends in `:*`, which covers its log streams (named by Lambda) and nothing else.
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.function = new NodejsFunction(this, 'Function', {
      entry: `${PROJECT_ROOT}${props.entry}`,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      description: props.description,
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      bundling: BUNDLING,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
        LOG_LEVEL: 'INFO',
        NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
      },
    });

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Pinned to nodejs22.x on purpose: the esbuild target (node22) and the tested toolchain match it; moving to a ' +
        'newer runtime is a deliberate, tested change rather than an automatic one.',
    });
  }
}
