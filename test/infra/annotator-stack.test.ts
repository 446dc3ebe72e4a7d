/**
 * The CDK app, synthesised without bundling (context `aws:cdk:bundling-stacks: []`): resources, grants, event
 * wiring, API auth, context flags and cdk-nag. Real bundling is covered by bundling.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContextError } from '../../infra/context.ts';
import { type AnnotatorApp, createApp } from '../../infra/create-app.ts';
import { TABLE_KEYS } from '../../shared/store/table.ts';

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────────────────────

const CDK_JSON_CONTEXT = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context as Record<
  string,
  unknown
>;

const OUT_ROOT = mkdtempSync(join(tmpdir(), 'annotator-cdk-test-'));
afterAll(() => rmSync(OUT_ROOT, { recursive: true, force: true }));
const outdir = () => mkdtempSync(join(OUT_ROOT, 'app-'));

function synth(context: Record<string, unknown> = {}): AnnotatorApp & { template: Template } {
  const built = createApp({
    outdir: outdir(),
    context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context },
  });
  return { ...built, template: Template.fromStack(built.stack) };
}

type Json = unknown;
type Resources = Record<string, { Type: string; Properties?: Record<string, Json>; DeletionPolicy?: string }>;

/** Renders a CloudFormation value as a readable string: `{Fn::GetAtt:[X,'Arn']}` → `X.Arn`, joins concatenated. */
function render(value: Json): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(render).join(',');
  if (value && typeof value === 'object') {
    const v = value as Record<string, Json>;
    if ('Ref' in v) return String(v.Ref);
    if ('Fn::GetAtt' in v) return (v['Fn::GetAtt'] as string[]).join('.');
    if ('Fn::Join' in v) {
      const [sep, parts] = v['Fn::Join'] as [string, Json[]];
      return parts.map(render).join(sep);
    }
  }
  return JSON.stringify(value);
}

const asList = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** Every Allow statement of the function's role as `action → sorted resources`, with logical ids renamed. */
function grantsOf(
  template: Template,
  functionLogicalId: string,
  names: Record<string, string>,
): Record<string, string[]> {
  const resources = template.toJSON().Resources as Resources;
  const role = render((resources[functionLogicalId]!.Properties!.Role as Json) ?? '').replace(/\.Arn$/, '');
  const grants: Record<string, string[]> = {};
  for (const resource of Object.values(resources)) {
    if (resource.Type !== 'AWS::IAM::Policy') continue;
    if (!asList(resource.Properties!.Roles as Json[]).some((r) => render(r) === role)) continue;
    const statements = (resource.Properties!.PolicyDocument as { Statement: Record<string, Json>[] }).Statement;
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      for (const action of asList(statement.Action as string | string[])) {
        const rendered = asList(statement.Resource as Json).map((r) => {
          let text = render(r);
          for (const [logicalId, name] of Object.entries(names)) text = text.split(logicalId).join(name);
          return text;
        });
        grants[action] = [...(grants[action] ?? []), ...rendered].sort();
      }
    }
  }
  return grants;
}

/** All IAM-style policy statements in the template, with where they come from. */
function allStatements(template: Template): { where: string; statement: Record<string, Json> }[] {
  const out: { where: string; statement: Record<string, Json> }[] = [];
  const docsOf = (id: string, r: Resources[string]): [string, Json][] => {
    const p = r.Properties ?? {};
    switch (r.Type) {
      case 'AWS::IAM::Policy':
      case 'AWS::IAM::ManagedPolicy':
      case 'AWS::S3::BucketPolicy':
      case 'AWS::SQS::QueuePolicy':
      case 'AWS::SNS::TopicPolicy':
        return [[id, p.PolicyDocument]];
      case 'AWS::IAM::Role':
        return [
          [`${id} (trust)`, p.AssumeRolePolicyDocument],
          ...asList((p.Policies as { PolicyDocument: Json }[] | undefined) ?? []).map(
            (x, i) => [`${id} (inline ${i})`, x.PolicyDocument] as [string, Json],
          ),
        ];
      default:
        return [];
    }
  };
  for (const [id, resource] of Object.entries(template.toJSON().Resources as Resources)) {
    for (const [where, doc] of docsOf(id, resource)) {
      for (const statement of asList((doc as { Statement: Record<string, Json>[] }).Statement)) {
        out.push({ where, statement });
      }
    }
  }
  return out;
}

// ── The default stack ────────────────────────────────────────────────────────────────────────────────────────

describe('Annotator stack (default context)', () => {
  let built: ReturnType<typeof synth>;
  let template: Template;
  let ids: {
    bucket: string;
    table: string;
    cleanQueue: string;
    cleanDlq: string;
    annotateQueue: string;
    annotateDlq: string;
    clean: string;
    annotate: string;
    api: string;
  };

  beforeAll(() => {
    built = synth();
    template = built.template;
    const { stack } = built;
    const id = (c: IConstruct) => stack.getLogicalId(c.node.defaultChild as never);
    ids = {
      bucket: id(stack.bucket),
      table: id(stack.table),
      cleanQueue: id(stack.cleanQueue),
      cleanDlq: id(stack.cleanDlq),
      annotateQueue: id(stack.annotateQueue),
      annotateDlq: id(stack.annotateDlq),
      clean: id(stack.cleanFunction.function),
      annotate: id(stack.annotateFunction.function),
      api: id(stack.apiFunction.function),
    };
  });

  it('runs all three functions on Node.js 22 / arm64 with JSON logs into a log group with retention', () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Runtime: 'nodejs22.x', Architectures: ['arm64'] },
    });
    for (const fn of [ids.clean, ids.annotate, ids.api]) {
      expect(Object.keys(functions)).toContain(fn);
      const logging = functions[fn]!.Properties.LoggingConfig;
      expect(logging.LogFormat).toBe('JSON');
      const logGroup = template.toJSON().Resources[logging.LogGroup.Ref];
      expect(logGroup.Properties.RetentionInDays).toBe(30);
    }
    // Besides ours, the template holds only CDK's deploy-time bucket-notifications handler.
    expect(Object.keys(functions).sort()).toEqual([ids.clean, ids.annotate, ids.api].sort());
    template.resourceCountIs('AWS::Lambda::Function', 4);
  });

  it.each([
    ['clean', 60, 1024],
    ['annotate', 60, 1024],
    ['api', 10, 512],
  ] as const)('%s has timeout %i s and %i MB', (name, timeout, memory) => {
    expect(template.toJSON().Resources[ids[name]].Properties).toMatchObject({ Timeout: timeout, MemorySize: memory });
  });

  it('gives each function exactly the environment of runtime.md', () => {
    const common = {
      LOG_LEVEL: 'INFO',
      POWERTOOLS_METRICS_NAMESPACE: 'Annotator',
      NODE_OPTIONS: '--enable-source-maps',
    };
    const env = (logicalId: string) => template.toJSON().Resources[logicalId].Properties.Environment.Variables;
    expect(env(ids.clean)).toEqual({
      ...common,
      POWERTOOLS_SERVICE_NAME: 'annotator-clean',
      BUCKET_NAME: { Ref: ids.bucket },
      RAW_PREFIX: 'raw/',
      CLEANED_PREFIX: 'cleaned/',
      MAX_INPUT_BYTES: '5242880',
      MAX_RECEIVE_COUNT: '5',
    });
    expect(env(ids.annotate)).toEqual({
      ...common,
      POWERTOOLS_SERVICE_NAME: 'annotator-annotate',
      BUCKET_NAME: { Ref: ids.bucket },
      CLEANED_PREFIX: 'cleaned/',
      TABLE_NAME: { Ref: ids.table },
      MAX_RECEIVE_COUNT: '5',
    });
    expect(env(ids.api)).toEqual({
      ...common,
      POWERTOOLS_SERVICE_NAME: 'annotator-api',
      TABLE_NAME: { Ref: ids.table },
    });
  });

  it('routes raw/ events to the clean queue and cleaned/ events to the annotate queue, nothing else', () => {
    const rule = (event: string, prefix: string, queue: string) => ({
      Events: [event],
      Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: prefix }] } },
      QueueArn: { 'Fn::GetAtt': [queue, 'Arn'] },
    });
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: ids.bucket },
      NotificationConfiguration: Match.objectEquals({
        QueueConfigurations: Match.arrayEquals([
          rule('s3:ObjectCreated:*', 'raw/', ids.cleanQueue),
          rule('s3:ObjectRemoved:*', 'raw/', ids.cleanQueue),
          rule('s3:ObjectCreated:*', 'cleaned/', ids.annotateQueue),
          rule('s3:ObjectRemoved:*', 'cleaned/', ids.annotateQueue),
        ]),
      }),
    });
  });

  it.each([
    ['clean', 'cleanQueue', 'cleanDlq'],
    ['annotate', 'annotateQueue', 'annotateDlq'],
  ] as const)(
    '%s: queue redrives to its DLQ after 5 receives, visibility ≥ 6 × timeout, encrypted, SSL only',
    (fn, q, d) => {
      const resources = template.toJSON().Resources;
      const queue = resources[ids[q]].Properties;
      const dlq = resources[ids[d]].Properties;
      const timeout = resources[ids[fn]].Properties.Timeout as number;
      expect(queue.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [ids[d], 'Arn'] },
        maxReceiveCount: 5,
      });
      expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
      expect(dlq.MessageRetentionPeriod).toBe(14 * 24 * 3600);
      expect(dlq.MessageRetentionPeriod).toBeGreaterThan(queue.MessageRetentionPeriod);
      for (const props of [queue, dlq]) expect(props.SqsManagedSseEnabled).toBe(true);
      for (const queueId of [ids[q], ids[d]]) {
        template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: queueId }],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Deny',
                Action: 'sqs:*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              }),
            ]),
          },
        });
      }
      // The function's MAX_RECEIVE_COUNT must equal the redrive count so it knows the last attempt.
      expect(resources[ids[fn]].Properties.Environment.Variables.MAX_RECEIVE_COUNT).toBe(
        String(queue.RedrivePolicy.maxReceiveCount),
      );
    },
  );

  it.each([
    ['clean', 'cleanQueue'],
    ['annotate', 'annotateQueue'],
  ] as const)('%s consumes its queue in batches of 10 with partial batch responses', (fn, q) => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: ids[fn] },
      EventSourceArn: { 'Fn::GetAtt': [ids[q], 'Arn'] },
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('has no other event source mapping (the api function is not a queue consumer)', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
  });

  it('keeps the articles bucket private, encrypted, versioned, SSL-only and access-logged', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
        LifecycleConfiguration: {
          Rules: Match.arrayWith([Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } })]),
        },
      }),
    });
    expect(template.toJSON().Resources[ids.bucket].DeletionPolicy).toBe('Retain');
    for (const bucketId of Object.keys(template.findResources('AWS::S3::Bucket'))) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('creates the table of shared/store/table.ts: on-demand, PITR, TTL, encrypted, protected', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'gsi2',
            KeySchema: [
              { AttributeName: 'gsi2pk', KeyType: 'HASH' },
              { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    });
    const attributes = template.toJSON().Resources[ids.table].Properties.AttributeDefinitions;
    expect(attributes).toEqual(
      ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    );
  });

  describe('least-privilege grants', () => {
    const names = () => ({ [ids.bucket]: 'Bucket', [ids.table]: 'Table' });

    it('clean reads raw/*, writes and deletes cleaned/*, lists the bucket, consumes its queue, writes its logs', () => {
      const logs = template.toJSON().Resources[ids.clean].Properties.LoggingConfig.LogGroup.Ref;
      const sqsActions = [
        'ChangeMessageVisibility',
        'DeleteMessage',
        'GetQueueAttributes',
        'GetQueueUrl',
        'ReceiveMessage',
      ];
      expect(grantsOf(template, ids.clean, names())).toEqual({
        'logs:CreateLogStream': [`${logs}.Arn`],
        'logs:PutLogEvents': [`${logs}.Arn`],
        's3:GetObject': ['Bucket.Arn/raw/*'],
        's3:PutObject': ['Bucket.Arn/cleaned/*'],
        's3:DeleteObject': ['Bucket.Arn/cleaned/*'],
        's3:ListBucket': ['Bucket.Arn'],
        ...Object.fromEntries(sqsActions.map((a) => [`sqs:${a}`, [`${ids.cleanQueue}.Arn`]])),
      });
    });

    it('annotate reads cleaned/* and writes the table (item actions on the table, Query on the two indexes)', () => {
      const logs = template.toJSON().Resources[ids.annotate].Properties.LoggingConfig.LogGroup.Ref;
      const sqsActions = [
        'ChangeMessageVisibility',
        'DeleteMessage',
        'GetQueueAttributes',
        'GetQueueUrl',
        'ReceiveMessage',
      ];
      const table = ['Table.Arn'];
      expect(grantsOf(template, ids.annotate, names())).toEqual({
        'logs:CreateLogStream': [`${logs}.Arn`],
        'logs:PutLogEvents': [`${logs}.Arn`],
        's3:GetObject': ['Bucket.Arn/cleaned/*'],
        's3:ListBucket': ['Bucket.Arn'],
        'dynamodb:PutItem': table,
        'dynamodb:UpdateItem': table,
        'dynamodb:DeleteItem': table,
        'dynamodb:BatchWriteItem': table,
        'dynamodb:GetItem': table,
        'dynamodb:Query': ['Table.Arn', 'Table.Arn/index/gsi1', 'Table.Arn/index/gsi2'],
        ...Object.fromEntries(sqsActions.map((a) => [`sqs:${a}`, [`${ids.annotateQueue}.Arn`]])),
      });
    });

    it('api only reads the table', () => {
      const logs = template.toJSON().Resources[ids.api].Properties.LoggingConfig.LogGroup.Ref;
      expect(grantsOf(template, ids.api, names())).toEqual({
        'logs:CreateLogStream': [`${logs}.Arn`],
        'logs:PutLogEvents': [`${logs}.Arn`],
        'dynamodb:GetItem': ['Table.Arn'],
        'dynamodb:BatchGetItem': ['Table.Arn'],
        'dynamodb:Query': ['Table.Arn', 'Table.Arn/index/gsi1', 'Table.Arn/index/gsi2'],
      });
    });

    it('no Allow statement anywhere in the template has Resource "*" or a service:* action', () => {
      const statements = allStatements(template);
      expect(statements.length).toBeGreaterThan(10);
      const offending = statements.filter(({ statement }) => {
        if (statement.Effect !== 'Allow') return false;
        const actions = asList((statement.Action ?? []) as string | string[]);
        const resources = asList((statement.Resource ?? []) as Json);
        return actions.some((a) => a === '*' || a.endsWith(':*')) || resources.some((r) => r === '*');
      });
      expect(offending).toEqual([]);
    });

    it('the only wildcards left in function grants are the raw/ and cleaned/ object prefixes and log streams', () => {
      const wildcards = [ids.clean, ids.annotate, ids.api].flatMap((fn) =>
        Object.values(grantsOf(template, fn, names()))
          .flat()
          .filter((r) => r.includes('*')),
      );
      expect(new Set(wildcards)).toEqual(new Set(['Bucket.Arn/raw/*', 'Bucket.Arn/cleaned/*']));
    });
  });

  it('serves GET / and GET /{proxy+} from the api function (payload 2.0), IAM-authorised', () => {
    for (const routeKey of ['GET /', 'GET /{proxy+}']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey, AuthorizationType: 'AWS_IAM' });
    }
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 2);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [ids.api, 'Arn'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({ AllowMethods: ['GET'] }),
    });
  });

  it('throttles the default stage and writes JSON access logs to a log group', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
  });

  it('alarms when a DLQ holds a message and when a queue stops draining', () => {
    for (const dlq of [ids.cleanDlq, ids.annotateDlq]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlq, 'QueueName'] } }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
    for (const queue of [ids.cleanQueue, ids.annotateQueue]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
        Threshold: 5 * 360,
      });
    }
  });

  it('has a dashboard with the article metrics, queue depth and age, DLQ depth and function health', () => {
    const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]);
    for (const text of [
      'ArticlesProcessed',
      'ArticlesRejected',
      'ArticlesFailed',
      '\\"Annotator\\"',
      'annotator-clean',
      'annotator-annotate',
      'ApproximateAgeOfOldestMessage',
      'ApproximateNumberOfMessagesVisible',
      'Dead-letter queue depth',
      '\\"Errors\\"',
      '\\"Duration\\"',
    ]) {
      expect(body).toContain(text);
    }
  });

  it('exports the bucket, API URL, table and queue URLs', () => {
    for (const output of [
      'BucketName',
      'ApiUrl',
      'TableName',
      'CleanQueueUrl',
      'CleanDlqUrl',
      'AnnotateQueueUrl',
      'AnnotateDlqUrl',
    ]) {
      template.hasOutput(output, { Value: Match.anyValue() });
    }
    template.hasOutput('BucketName', { Value: { Ref: ids.bucket } });
    template.hasOutput('TableName', { Value: { Ref: ids.table } });
  });

  it('tags resources for cost allocation', () => {
    for (const type of ['AWS::S3::Bucket', 'AWS::SQS::Queue', 'AWS::DynamoDB::Table', 'AWS::Lambda::Function']) {
      template.hasResourceProperties(type, { Tags: Match.arrayWith([{ Key: 'project', Value: 'annotator' }]) });
    }
  });

  it('passes cdk-nag AwsSolutions with zero unacknowledged findings', () => {
    const report = built.nag.validateScope(built.app);
    expect(report.violations.map((v) => `${v.ruleName} @ ${v.violatingResources.map((r) => r.constructPath)}`)).toEqual(
      [],
    );
    expect(report.success).toBe(true);
  });

  it('gives every acknowledgement a specific reason; IAM5 ones name the object prefix', () => {
    const acks: { path: string; id: string; reason: string }[] = [];
    const visit = (c: IConstruct) => {
      for (const entry of c.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          acks.push({ path: c.node.path, id, reason });
        }
      }
      c.node.children.forEach(visit);
    };
    visit(built.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} on ${ack.path}`).toBeGreaterThan(40);
      if (ack.id.includes('IAM5')) {
        const prefix = /\/(raw|cleaned)\/\*\]$/.exec(ack.id)?.[1];
        expect(prefix, `${ack.id} is an object-prefix wildcard`).toBeDefined();
        expect(ack.reason).toContain(`${prefix}/*`);
      }
    }
  });
});

// ── Context flags ────────────────────────────────────────────────────────────────────────────────────────────

describe('context flags', () => {
  it.each([
    ['true', 'NONE'],
    [true, 'NONE'],
    ['false', 'AWS_IAM'],
    [false, 'AWS_IAM'],
  ] as const)('publicApi=%s → routes have AuthorizationType %s, and cdk-nag stays clean', (publicApi, auth) => {
    const { template, nag, app } = synth({ publicApi });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes).toHaveLength(2);
    for (const route of routes) expect(route.Properties.AuthorizationType).toBe(auth);
    expect(nag.validateScope(app).violations).toEqual([]);
  });

  it('removalPolicy=destroy empties and deletes buckets and the table (dev stacks), and cdk-nag stays clean', () => {
    const { template, stack, nag, app } = synth({ removalPolicy: 'destroy' });
    const resources = template.toJSON().Resources as Resources;
    expect(resources[stack.getLogicalId(stack.bucket.node.defaultChild as never)]!.DeletionPolicy).toBe('Delete');
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
    expect(nag.validateScope(app).violations).toEqual([]);
    const offending = allStatements(template).filter(
      ({ statement }) => statement.Effect === 'Allow' && asList(statement.Resource as Json).includes('*'),
    );
    expect(offending).toEqual([]);
  });

  it('maxInputBytes, API throttling and an alarm topic are configurable', () => {
    const topic = 'arn:aws:sns:eu-west-1:123456789012:ops-alerts';
    const { template, stack } = synth({
      maxInputBytes: '1048576',
      apiRateLimit: '5',
      apiBurstLimit: 10,
      alarmTopicArn: topic,
    });
    const clean =
      template.toJSON().Resources[stack.getLogicalId(stack.cleanFunction.function.node.defaultChild as never)];
    expect(clean.Properties.Environment.Variables.MAX_INPUT_BYTES).toBe('1048576');
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
    });
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { AlarmActions: [topic] }, 4);
  });

  it.each([
    [{ publicApi: 'yes' }, /publicApi must be true or false/],
    [{ removalPolicy: 'snapshot' }, /removalPolicy must be "retain" or "destroy"/],
    [{ maxInputBytes: '5MB' }, /maxInputBytes must be a positive integer/],
    [{ alarmTopicArn: 'ops-alerts' }, /alarmTopicArn must be an SNS topic ARN/],
  ])('rejects %j', (context, message) => {
    expect(() => synth(context)).toThrow(ContextError);
    expect(() => synth(context)).toThrow(message);
  });
});

describe('cdk-nag wiring', () => {
  it('reports a finding when an insecure resource is added (the check is live)', () => {
    const { app, stack, nag } = createApp({
      outdir: outdir(),
      context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [] },
    });
    new sqs.Queue(stack, 'UnencryptedQueueWithoutDlq', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    const rules = nag.validateScope(app).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']));
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });
});
