import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

export interface PlatformHttpApiProps {
  readonly handler: lambda.IFunction;
}

/** The routes the api function answers; everything else is the SPA, served by CloudFront from S3. */
export const apiRoutePaths = ['/api', '/api/{proxy+}'] as const;

/** One JSON line per request, with the fields an operator needs to find the matching function log. */
const accessLogFormat = apigateway.AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    method: '$context.httpMethod',
    path: '$context.path',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/**
 * API Gateway HTTP API in front of the api function. The $default stage is declared explicitly
 * because HttpApi's implicit stage cannot take access-log settings.
 */
export class PlatformHttpApi extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: PlatformHttpApiProps) {
    super(scope, id);
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'Przyjazny Urzad platform API (reached through CloudFront at /api/*)',
      createDefaultStage: false,
    });
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.THREE_MONTHS });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(this.accessLogs), format: accessLogFormat },
      // A ceiling against floods and runaway clients; real traffic (a contest's clerks and assessors) is far below it.
      throttle: { rateLimit: 200, burstLimit: 400 },
    });

    const integration = new HttpLambdaIntegration('ApiIntegration', props.handler);
    for (const path of apiRoutePaths) {
      const routes = this.httpApi.addRoutes({ path, methods: [apigwv2.HttpMethod.ANY], integration });
      for (const route of routes) {
        acknowledge(
          route,
          'AwsSolutions-APIG4',
          'Authorisation is done inside the Hono app (session cookie checked against the route policy table, see DESIGN.md section 3); public routes such as sign-in and registration must stay reachable without credentials, so no gateway authoriser is attached.',
        );
      }
    }
  }
}
