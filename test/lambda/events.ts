import type { APIGatewayProxyEventV2, Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { vi } from 'vitest';

/** The origin secret the tests give the api function (ORIGIN_SECRET); CloudFront sends it on every request. */
export const testOriginSecret = 'test-origin-secret-0123456789abcdef';

/** A real API Gateway HTTP API (payload format 2.0) event, as the service sends it (through CloudFront). */
export function httpApiEvent(overrides: {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  cookies?: string[];
  isBase64Encoded?: boolean;
  query?: string;
}): APIGatewayProxyEventV2 {
  const { method, path } = overrides;
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: path,
    rawQueryString: overrides.query ?? '',
    cookies: overrides.cookies,
    headers: {
      accept: '*/*',
      'content-length': String(overrides.body?.length ?? 0),
      host: 'abc123.execute-api.eu-central-1.amazonaws.com',
      'user-agent': 'vitest',
      'x-amzn-trace-id': 'Root=1-65f0c0de-0123456789abcdef01234567',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      'x-origin-verify': testOriginSecret,
      ...overrides.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-central-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: 'Q1w2E3r4T5y6U7i=',
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      time: '01/Mar/2026:10:00:00 +0000',
      timeEpoch: 1772359200000,
    },
    pathParameters: { proxy: path.replace(/^\/api\//, '') },
    body: overrides.body,
    isBase64Encoded: overrides.isBase64Encoded ?? false,
  };
}

export const lambdaContext: Context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:123456789012:function:api',
  memoryLimitInMB: '1024',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/api',
  logStreamName: '2026/03/01/[$LATEST]abcdef',
  getRemainingTimeInMillis: () => 29_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

export function sqsEvent(bodies: string[]): SQSEvent {
  return {
    Records: bodies.map(
      (body, i): SQSRecord => ({
        messageId: `msg-${i}`,
        receiptHandle: `rh-${i}`,
        body,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: '1772359200000',
          SenderId: 'AIDAEXAMPLE',
          ApproximateFirstReceiveTimestamp: '1772359200001',
        },
        messageAttributes: {},
        md5OfBody: 'x',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:eu-central-1:123456789012:certificate-jobs',
        awsRegion: 'eu-central-1',
      }),
    ),
  };
}

/** The environment CDK gives the api function (infra/constructs/api-function.ts), with test values. */
export function stubApiEnv(logLevel: 'error' | 'info'): void {
  vi.stubEnv('TABLE_NAME', 'platform-table');
  vi.stubEnv('DOCUMENTS_BUCKET', 'docs');
  vi.stubEnv('CERTIFICATES_BUCKET', 'certs');
  vi.stubEnv('JOBS_QUEUE_URL', 'https://sqs.eu-central-1.amazonaws.com/123456789012/jobs');
  vi.stubEnv('MAIL_FROM', 'konkurs@example.org');
  vi.stubEnv('APP_SECRET_ARN', 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:app');
  vi.stubEnv('AWS_REGION', 'eu-central-1');
  vi.stubEnv('LOG_LEVEL', logLevel);
  vi.stubEnv('ORIGIN_SECRET', testOriginSecret);
}
