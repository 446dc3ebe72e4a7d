/**
 * The whole Annotator deployment in one stack:
 *
 *   S3 raw/ ──event──▶ clean-queue ──▶ clean λ ──▶ S3 cleaned/ ──event──▶ annotate-queue ──▶ annotate λ ──▶ DynamoDB
 *                       └▶ clean-dlq                                       └▶ annotate-dlq                    │
 *                                                                     HTTP API (IAM auth) ──▶ api λ ◀─────────┘
 *
 * Every grant is written out by hand (no `grantRead*` helpers, which add `s3:List*`/`GetBucket*` style wildcards):
 * clean reads raw/* and writes cleaned/*, annotate reads cleaned/* and writes the table, api reads the table.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TABLE_KEYS } from '../shared/store/table.ts';
import { PipelineFunction } from './node-function.ts';

export const RAW_PREFIX = 'raw/';
export const CLEANED_PREFIX = 'cleaned/';
/** Deliveries before a message moves to its DLQ; the functions get the same number as MAX_RECEIVE_COUNT. */
export const MAX_RECEIVE_COUNT = 5;
export const METRICS_NAMESPACE = 'Annotator';
export const SERVICE_NAMES = {
  clean: 'annotator-clean',
  annotate: 'annotator-annotate',
  api: 'annotator-api',
} as const;
/** Business metrics the handlers publish with Powertools Metrics (namespace Annotator, dimension `service`). */
export const ARTICLE_METRICS = ['ArticlesProcessed', 'ArticlesRejected', 'ArticlesFailed'] as const;

export const FUNCTION_SETTINGS = {
  clean: { timeout: Duration.seconds(60), memorySize: 1024 },
  annotate: { timeout: Duration.seconds(60), memorySize: 1024 },
  api: { timeout: Duration.seconds(10), memorySize: 512 },
} as const;

export const DEFAULT_API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

export interface AnnotatorStackProps extends StackProps {
  /** Open the HTTP API's GET routes to unauthenticated callers. Default false: every route needs IAM (SigV4). */
  readonly publicApi?: boolean;
  /**
   * What happens to the bucket, table and log groups when the stack is deleted. Default RETAIN (data survives;
   * the table also gets deletion protection). DESTROY is for throw-away dev stacks: the buckets are emptied.
   */
  readonly removalPolicy?: RemovalPolicy.RETAIN | RemovalPolicy.DESTROY;
  /** Size limit for raw inputs (MAX_INPUT_BYTES of the clean function). Default 5 MiB. */
  readonly maxInputBytes?: number;
  /** An existing SNS topic ARN that the alarms notify. Default: alarms without actions (visible in the console). */
  readonly alarmTopicArn?: string;
  /** Steady-state request rate and burst limit of the API's default stage. Defaults 50 req/s, burst 100. */
  readonly apiThrottle?: { readonly rateLimit: number; readonly burstLimit: number };
  /** CloudWatch Logs retention of function and API access logs. Default one month. */
  readonly logRetention?: logs.RetentionDays;
}

export class AnnotatorStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly table: dynamodb.Table;
  readonly cleanQueue: sqs.Queue;
  readonly annotateQueue: sqs.Queue;
  readonly cleanDlq: sqs.Queue;
  readonly annotateDlq: sqs.Queue;
  readonly cleanFunction: PipelineFunction;
  readonly annotateFunction: PipelineFunction;
  readonly apiFunction: PipelineFunction;
  readonly httpApi: apigwv2.HttpApi;
  readonly apiStage: apigwv2.HttpStage;
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: AnnotatorStackProps = {}) {
    super(scope, id, props);

    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const destroy = removalPolicy === RemovalPolicy.DESTROY;
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;

    // ── Storage ────────────────────────────────────────────────────────────────────────────────────────────────
    const accessLogsBucket = new s3.Bucket(this, 'AccessLogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED, // server access log delivery supports SSE-S3 only
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
      removalPolicy,
      autoDeleteObjects: destroy,
    });
    Validations.of(accessLogsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives the server access logs of the articles bucket; logging it would log itself.',
    });

    this.bucket = new s3.Bucket(this, 'ArticlesBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: accessLogsBucket,
      serverAccessLogsPrefix: 'articles-bucket/',
      lifecycleRules: [
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(30),
          expiredObjectDeleteMarker: true,
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      removalPolicy,
      autoDeleteObjects: destroy,
    });

    const { partitionKey, sortKey, ttl, gsis } = TABLE_KEYS;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: ttl,
      deletionProtection: !destroy,
      removalPolicy,
    });
    for (const gsi of gsis) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    const indexArns = gsis.map((gsi) => `${this.table.tableArn}/index/${gsi.indexName}`);

    // ── Queues ─────────────────────────────────────────────────────────────────────────────────────────────────
    const queuePair = (name: string, consumerTimeout: Duration) => {
      const dlq = new sqs.Queue(this, `${name}Dlq`, {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        // Longer than the source queue's retention: a message keeps its original enqueue time when it is moved.
        retentionPeriod: Duration.days(14),
      });
      const queue = new sqs.Queue(this, `${name}Queue`, {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(4),
        visibilityTimeout: visibilityTimeoutFor(consumerTimeout),
        deadLetterQueue: { queue: dlq, maxReceiveCount: MAX_RECEIVE_COUNT },
      });
      return { queue, dlq };
    };
    const clean = queuePair('Clean', FUNCTION_SETTINGS.clean.timeout);
    const annotate = queuePair('Annotate', FUNCTION_SETTINGS.annotate.timeout);
    this.cleanQueue = clean.queue;
    this.cleanDlq = clean.dlq;
    this.annotateQueue = annotate.queue;
    this.annotateDlq = annotate.dlq;

    // raw/ feeds clean, cleaned/ feeds annotate. The prefixes are disjoint, so clean's output never triggers clean.
    const notify = (queue: sqs.Queue, prefix: string) => {
      const destination = new s3n.SqsDestination(queue);
      this.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, destination, { prefix });
      this.bucket.addEventNotification(s3.EventType.OBJECT_REMOVED, destination, { prefix });
    };
    notify(this.cleanQueue, RAW_PREFIX);
    notify(this.annotateQueue, CLEANED_PREFIX);
    // CDK applies the notification configuration through its own singleton custom-resource Lambda, whose role has
    // the AWS managed basic-execution policy (its PutBucketNotification grant is scoped to this bucket).
    const notificationsHandler = this.node.children.find((c) => c.node.id.startsWith('BucketNotificationsHandler'));
    if (notificationsHandler) {
      Validations.of(notificationsHandler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's built-in S3 bucket-notifications custom resource (deploy time only) ships with this managed policy; " +
          'it only lets that handler write its own logs.',
      });
    }

    // ── Functions ──────────────────────────────────────────────────────────────────────────────────────────────
    const common = {
      metricsNamespace: METRICS_NAMESPACE,
      logRetention,
      logRemovalPolicy: removalPolicy,
    };
    const maxInputBytes = props.maxInputBytes ?? 5 * 1024 * 1024;

    this.cleanFunction = new PipelineFunction(this, 'Clean', {
      ...common,
      ...FUNCTION_SETTINGS.clean,
      entry: 'functions/clean.ts',
      description: 'Cleans raw/ articles into cleaned/<articleId>.json',
      serviceName: SERVICE_NAMES.clean,
      environment: {
        BUCKET_NAME: this.bucket.bucketName,
        RAW_PREFIX,
        CLEANED_PREFIX,
        MAX_INPUT_BYTES: String(maxInputBytes),
        MAX_RECEIVE_COUNT: String(MAX_RECEIVE_COUNT),
      },
    });
    this.annotateFunction = new PipelineFunction(this, 'Annotate', {
      ...common,
      ...FUNCTION_SETTINGS.annotate,
      entry: 'functions/annotate.ts',
      description: 'Annotates cleaned/ articles (entities, quotes) into DynamoDB',
      serviceName: SERVICE_NAMES.annotate,
      environment: {
        BUCKET_NAME: this.bucket.bucketName,
        CLEANED_PREFIX,
        TABLE_NAME: this.table.tableName,
        MAX_RECEIVE_COUNT: String(MAX_RECEIVE_COUNT),
      },
    });
    this.apiFunction = new PipelineFunction(this, 'Api', {
      ...common,
      ...FUNCTION_SETTINGS.api,
      entry: 'functions/api.ts',
      description: 'Serves the read-only JSON API over the annotations table',
      serviceName: SERVICE_NAMES.api,
      environment: { TABLE_NAME: this.table.tableName },
    });

    // ── Grants (least privilege, written out) ─────────────────────────────────────────────────────────────────
    const objects = (prefix: string) => this.bucket.arnForObjects(`${prefix}*`);
    // s3:ListBucket on the bucket itself makes GetObject/HeadObject of a missing key answer 404 (NoSuchKey/NotFound)
    // instead of 403, so the handlers can tell "deleted before it was processed" from "not allowed". A prefix
    // condition (s3:prefix) would not apply to those requests, so it is granted on the bucket ARN; it reveals key
    // names, never content. Objects are read without a VersionId, so s3:GetObjectVersion is not granted.
    const listBucket = () =>
      new iam.PolicyStatement({
        sid: 'DistinguishMissingKeys',
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
      });

    const cleanRole = this.cleanFunction.role;
    cleanRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'ReadRaw', actions: ['s3:GetObject'], resources: [objects(RAW_PREFIX)] }),
    );
    cleanRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteCleaned',
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [objects(CLEANED_PREFIX)],
      }),
    );
    cleanRole.addToPrincipalPolicy(listBucket());

    const annotateRole = this.annotateFunction.role;
    annotateRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'ReadCleaned', actions: ['s3:GetObject'], resources: [objects(CLEANED_PREFIX)] }),
    );
    annotateRole.addToPrincipalPolicy(listBucket());
    annotateRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteAnnotations',
        actions: [
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:GetItem',
          'dynamodb:Query',
        ],
        resources: [this.table.tableArn],
      }),
    );
    annotateRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'QueryIndexes', actions: ['dynamodb:Query'], resources: indexArns }),
    );

    const apiRole = this.apiFunction.role;
    apiRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadAnnotations',
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
        resources: [this.table.tableArn],
      }),
    );
    apiRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'QueryIndexes', actions: ['dynamodb:Query'], resources: indexArns }),
    );

    Validations.of(cleanRole).acknowledge(
      objectPrefixAck(this.bucket, RAW_PREFIX, 'clean reads every raw article it is notified about'),
      objectPrefixAck(this.bucket, CLEANED_PREFIX, 'clean writes and deletes cleaned/<articleId>.json'),
    );
    Validations.of(annotateRole).acknowledge(
      objectPrefixAck(this.bucket, CLEANED_PREFIX, 'annotate reads every cleaned article it is notified about'),
    );

    // ── Queue consumers ────────────────────────────────────────────────────────────────────────────────────────
    const consume = (fn: PipelineFunction, queue: sqs.Queue) =>
      fn.function.addEventSource(
        new SqsEventSource(queue, {
          batchSize: 10,
          reportBatchItemFailures: true,
          maxBatchingWindow: Duration.seconds(1),
        }),
      );
    consume(this.cleanFunction, this.cleanQueue);
    consume(this.annotateFunction, this.annotateQueue);

    // ── HTTP API ───────────────────────────────────────────────────────────────────────────────────────────────
    const publicApi = props.publicApi ?? false;
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'Annotator read API',
      createDefaultStage: false,
      defaultAuthorizer: publicApi ? undefined : new HttpIamAuthorizer(),
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [apigwv2.CorsHttpMethod.GET],
        allowHeaders: ['authorization', 'content-type', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'],
        maxAge: Duration.hours(1),
      },
    });
    const integration = new HttpLambdaIntegration('ApiIntegration', this.apiFunction.function, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    const routes = [
      ...this.httpApi.addRoutes({ path: '/', methods: [apigwv2.HttpMethod.GET], integration }),
      ...this.httpApi.addRoutes({ path: '/{proxy+}', methods: [apigwv2.HttpMethod.GET], integration }),
    ];
    if (publicApi) {
      for (const route of routes) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: 'The operator deployed with the publicApi=true context flag to open the read-only GET routes.',
        });
      }
    }

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logRetention, removalPolicy });
    const throttle = props.apiThrottle ?? DEFAULT_API_THROTTLE;
    this.apiStage = new apigwv2.HttpStage(this, 'ApiDefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            sourceIp: '$context.identity.sourceIp',
            caller: '$context.identity.userArn',
            method: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    // ── Alarms and dashboard ───────────────────────────────────────────────────────────────────────────────────
    const alarmAction = props.alarmTopicArn
      ? new cwActions.SnsAction(sns.Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn))
      : undefined;
    // A message can legitimately live for maxReceiveCount × visibility timeout while it is being retried; older
    // than that means the queue is not draining.
    const retryWindowSeconds = (timeout: Duration) => MAX_RECEIVE_COUNT * visibilityTimeoutFor(timeout).toSeconds();
    const pipelines = [
      { name: 'Clean', queue: this.cleanQueue, dlq: this.cleanDlq, timeout: FUNCTION_SETTINGS.clean.timeout },
      {
        name: 'Annotate',
        queue: this.annotateQueue,
        dlq: this.annotateDlq,
        timeout: FUNCTION_SETTINGS.annotate.timeout,
      },
    ];
    for (const { name, queue, dlq, timeout } of pipelines) {
      const dlqAlarm = dlq
        .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: cloudwatch.Stats.MAXIMUM })
        .createAlarm(this, `${name}DlqNotEmpty`, {
          alarmDescription: `Messages in the ${name.toLowerCase()} dead-letter queue: articles that failed every retry. Inspect, fix, then npm run redrive.`,
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        });
      const ageAlarm = queue
        .metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM })
        .createAlarm(this, `${name}QueueStale`, {
          alarmDescription: `The oldest message in the ${name.toLowerCase()} queue is older than the whole retry window: the queue is not draining.`,
          threshold: retryWindowSeconds(timeout),
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        });
      if (alarmAction) {
        dlqAlarm.addAlarmAction(alarmAction);
        ageAlarm.addAlarmAction(alarmAction);
      }
    }

    const functions = [
      { name: 'clean', fn: this.cleanFunction },
      { name: 'annotate', fn: this.annotateFunction },
      { name: 'api', fn: this.apiFunction },
    ];
    const articleMetric = (metricName: string, service: string) =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service },
        statistic: cloudwatch.Stats.SUM,
        period: Duration.minutes(5),
        label: `${metricName} (${service})`,
      });
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(24),
      widgets: [
        [
          new cloudwatch.GraphWidget({
            title: 'Articles processed / rejected / failed',
            width: 24,
            stacked: false,
            left: ARTICLE_METRICS.flatMap((metric) =>
              [SERVICE_NAMES.clean, SERVICE_NAMES.annotate].map((service) => articleMetric(metric, service)),
            ),
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Queue depth (visible messages)',
            width: 8,
            left: pipelines.map(({ name, queue }) =>
              queue.metricApproximateNumberOfMessagesVisible({ label: name, statistic: cloudwatch.Stats.MAXIMUM }),
            ),
          }),
          new cloudwatch.GraphWidget({
            title: 'Age of oldest message (s)',
            width: 8,
            left: pipelines.map(({ name, queue }) =>
              queue.metricApproximateAgeOfOldestMessage({ label: name, statistic: cloudwatch.Stats.MAXIMUM }),
            ),
          }),
          new cloudwatch.GraphWidget({
            title: 'Dead-letter queue depth',
            width: 8,
            left: pipelines.map(({ name, dlq }) =>
              dlq.metricApproximateNumberOfMessagesVisible({
                label: `${name} DLQ`,
                statistic: cloudwatch.Stats.MAXIMUM,
              }),
            ),
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Function errors and throttles',
            width: 12,
            left: functions.flatMap(({ name, fn }) => [
              fn.function.metricErrors({ label: `${name} errors`, statistic: cloudwatch.Stats.SUM }),
              fn.function.metricThrottles({ label: `${name} throttles`, statistic: cloudwatch.Stats.SUM }),
            ]),
          }),
          new cloudwatch.GraphWidget({
            title: 'Function duration p95 (ms)',
            width: 12,
            left: functions.map(({ name, fn }) =>
              fn.function.metricDuration({ label: name, statistic: cloudwatch.Stats.p(95) }),
            ),
          }),
        ],
      ],
    });

    // ── Outputs ────────────────────────────────────────────────────────────────────────────────────────────────
    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName, description: 'Drop articles under raw/' });
    new CfnOutput(this, 'ApiUrl', { value: this.apiStage.url, description: 'HTTP API base URL' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'CleanQueueUrl', { value: this.cleanQueue.queueUrl });
    new CfnOutput(this, 'CleanDlqUrl', { value: this.cleanDlq.queueUrl });
    new CfnOutput(this, 'AnnotateQueueUrl', { value: this.annotateQueue.queueUrl });
    new CfnOutput(this, 'AnnotateDlqUrl', { value: this.annotateDlq.queueUrl });
    new CfnOutput(this, 'DashboardName', { value: this.dashboard.dashboardName });
  }
}

/** SQS visibility timeout for a queue consumed by a Lambda function: 6 × the function timeout (AWS guidance). */
export function visibilityTimeoutFor(functionTimeout: Duration): Duration {
  return Duration.seconds(functionTimeout.toSeconds() * 6);
}

function objectPrefixAck(bucket: s3.Bucket, prefix: string, why: string) {
  const logicalId = Stack.of(bucket).getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
  return {
    id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${prefix}*]`,
    reason: `Object-prefix wildcard ${prefix}*: ${why}; no other prefix of the bucket is reachable.`,
  };
}
