/** API Gateway HTTP API (payload 2.0) → the web viewer's files, or router → JSON. */
import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { toHttpResult } from '../shared/api/http.ts';
import { type ApiResponse, createRouter, errorResponse } from '../shared/api/router.ts';
import { serveWebAsset } from '../shared/api/web.ts';
import { dynamo } from '../shared/aws/dynamodb-client.ts';
import { loadConfig } from '../shared/config.ts';
import { DynamoArticleStore } from '../shared/store/dynamodb-store.ts';

const config = loadConfig('api');
const logger = new Logger({ serviceName: 'annotator-api' });
const route = createRouter(new DynamoArticleStore(dynamo, config.TABLE_NAME));

export const handler = async (
  event: APIGatewayProxyEventV2,
  context?: Context,
): Promise<APIGatewayProxyStructuredResultV2> => {
  const method = event.requestContext.http.method;
  const acceptEncoding = event.headers?.['accept-encoding'];
  const asset = method === 'GET' || method === 'HEAD' ? serveWebAsset(event.rawPath) : null;
  if (asset) return toHttpResult(asset, { method, acceptEncoding });
  let response: ApiResponse;
  try {
    response = await route({ method, path: event.rawPath, query: event.queryStringParameters ?? {} });
  } catch (error) {
    logger.error('Unhandled API error', { error, path: event.rawPath, requestId: context?.awsRequestId });
    response = errorResponse(500, 'INTERNAL', 'Internal error.');
  }
  return toHttpResult(response, { method, acceptEncoding });
};
