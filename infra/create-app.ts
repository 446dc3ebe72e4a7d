/**
 * Builds the CDK app: the Annotator stack configured from context flags, checked by cdk-nag's AWS Solutions
 * rules. Synthesis fails on any unacknowledged cdk-nag finding (CDK's policy-validation plugins interrupt synth).
 * Used by `infra/app.ts` (the `cdk` CLI entry point) and by the infra tests.
 */
import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AnnotatorStack } from './annotator-stack.ts';
import { stackOptionsFromContext } from './context.ts';

export interface AnnotatorApp {
  readonly app: App;
  readonly stack: AnnotatorStack;
  readonly nag: AwsSolutionsChecks;
}

export function createApp(props: AppProps = {}): AnnotatorApp {
  const app = new App(props);
  const { stackName, ...stackProps } = stackOptionsFromContext(app.node);
  const stack = new AnnotatorStack(app, stackName, {
    ...stackProps,
    // Environment-agnostic (no lookups): the same template whatever the local AWS profile; deploy picks the target.
    description: 'Annotator: S3 articles → clean → annotate → DynamoDB, with a read-only HTTP API',
  });
  // Cost allocation: every taggable resource carries project=annotator (and the stack name).
  Tags.of(app).add('project', 'annotator');
  Tags.of(app).add('stack', stackName);
  const nag = new AwsSolutionsChecks(app, { verbose: true });
  Validations.of(app).addPlugins(nag);
  return { app, stack, nag };
}
