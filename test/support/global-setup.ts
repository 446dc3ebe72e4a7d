/**
 * Vitest globalSetup: starts ONE in-memory DynamoDB Local for the whole test run and provides its endpoint to the
 * test files as `inject('dynamoEndpoint')` (each test stack then uses its own table in it). Register it in
 * vitest.config.ts: `test: { globalSetup: ['test/support/global-setup.ts'] }`.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../scripts/local/servers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamo = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
