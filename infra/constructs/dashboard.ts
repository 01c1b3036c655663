import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { MetricName } from '../../shared/platform/metrics';
import { metricsNamespace } from '../../shared/platform/metrics-emf';
import { wafBlockedRequests } from './edge-alarms';
import type { WebAcl } from './web-acl';

export interface DashboardProps {
  /** The dashboard's name (one per stage in an account). */
  readonly dashboardName: string;
  readonly httpApi: apigwv2.HttpApi;
  readonly functions: {
    readonly api: lambda.IFunction;
    readonly 'jobs-worker': lambda.IFunction;
    readonly 'survey-counter': lambda.IFunction;
  };
  readonly jobs: sqs.IQueue;
  readonly deadLetters: sqs.IQueue;
  /** The survey counter's failed stream batches (answers stored but not yet counted). */
  readonly surveyCounterDeadLetters: sqs.IQueue;
  readonly table: dynamodb.ITableV2;
  /** The us-east-1 web ACL; its blocks are drawn from that region. */
  readonly webAcl?: { readonly acl: WebAcl; readonly region: string };
}

const period = Duration.minutes(5);

/** Which function counts which business metric (the EMF `service` dimension is the function's name). */
const businessMetrics: Record<MetricName, 'api' | 'jobs-worker'> = {
  ApplicationsSubmitted: 'api',
  SheetsSubmitted: 'api',
  LoginFailures: 'api',
  CertificatesIssued: 'jobs-worker',
  JobsFailed: 'jobs-worker',
};

/**
 * One page for the operator (docs/operations.md, "Observability"): the api's traffic, latency and
 * errors; each function's errors, throttles and duration; the job queue and its dead letters; how far
 * behind the survey counts are (the table stream's iterator age) and its failed batches; DynamoDB
 * throttling (table and indexes) and system errors; the WAF's blocks; and what the contest is doing
 * (the EMF business metrics).
 */
export class Dashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    const sum = { period, statistic: cloudwatch.Stats.SUM };
    const api = props.httpApi;
    const fns = Object.entries(props.functions);
    const tableMetric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: props.table.tableName },
        ...sum,
      });
    // DynamoDB publishes index throttles and SystemErrors only with a second dimension (the index, the
    // operation), so a table-only metric stays empty: search expressions sum whatever series exist.
    const tableSearch = (dimensions: string, metricName: string, label: string) =>
      new cloudwatch.MathExpression({
        expression: `SUM(SEARCH('{AWS/DynamoDB,${dimensions}} MetricName="${metricName}" TableName="${props.table.tableName}"', 'Sum', ${period.toSeconds()}))`,
        usingMetrics: {},
        label,
        period,
      });
    const graph = (title: string, left: cloudwatch.IMetric[], right: cloudwatch.IMetric[] = []) =>
      new cloudwatch.GraphWidget({ title, left, right, width: 8, height: 6 });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(24),
    });
    this.dashboard.addWidgets(
      graph(
        'API requests and errors',
        [api.metricCount({ ...sum, label: 'requests' })],
        [api.metricClientError({ ...sum, label: '4xx' }), api.metricServerError({ ...sum, label: '5xx' })],
      ),
      graph('API latency (ms)', [
        api.metricLatency({ period, statistic: cloudwatch.Stats.p(50), label: 'p50' }),
        api.metricLatency({ period, statistic: cloudwatch.Stats.p(99), label: 'p99' }),
      ]),
      graph(
        'Function errors and throttles',
        fns.flatMap(([name, fn]) => [
          fn.metricErrors({ ...sum, label: `${name} errors` }),
          fn.metricThrottles({ ...sum, label: `${name} throttles` }),
        ]),
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Function duration p99 (ms)',
        fns.map(([name, fn]) => fn.metricDuration({ period, statistic: cloudwatch.Stats.p(99), label: name })),
      ),
      graph(
        'Jobs queue and dead letters',
        [
          props.jobs.metricApproximateNumberOfMessagesVisible({
            period,
            statistic: cloudwatch.Stats.MAXIMUM,
            label: 'queued',
          }),
          props.deadLetters.metricApproximateNumberOfMessagesVisible({
            period,
            statistic: cloudwatch.Stats.MAXIMUM,
            label: 'dead-lettered',
          }),
        ],
        [
          props.jobs.metricApproximateAgeOfOldestMessage({
            period,
            statistic: cloudwatch.Stats.MAXIMUM,
            label: 'oldest (s)',
          }),
        ],
      ),
      graph(
        'DynamoDB throttles and errors',
        [
          tableMetric('ReadThrottleEvents'),
          tableMetric('WriteThrottleEvents'),
          tableSearch('TableName,GlobalSecondaryIndexName', 'ReadThrottleEvents', 'index read throttles'),
          tableSearch('TableName,GlobalSecondaryIndexName', 'WriteThrottleEvents', 'index write throttles'),
        ],
        [tableSearch('TableName,Operation', 'SystemErrors', 'system errors (all operations)')],
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Survey answers counting (table stream)',
        [
          props.functions['survey-counter'].metric('IteratorAge', {
            period,
            statistic: cloudwatch.Stats.MAXIMUM,
            label: 'oldest answer not yet counted (ms)',
          }),
        ],
        [
          props.surveyCounterDeadLetters.metricApproximateNumberOfMessagesVisible({
            period,
            statistic: cloudwatch.Stats.MAXIMUM,
            label: 'failed batches (dead-lettered)',
          }),
        ],
      ),
    );
    const business = (Object.entries(businessMetrics) as [MetricName, 'api' | 'jobs-worker'][]).map(
      ([name, fn]) =>
        new cloudwatch.Metric({
          namespace: metricsNamespace,
          metricName: name,
          dimensionsMap: { service: props.functions[fn].functionName },
          ...sum,
          label: name,
        }),
    );
    this.dashboard.addWidgets(
      graph(
        'The contest (business metrics)',
        business.filter((m) => m.metricName !== 'LoginFailures' && m.metricName !== 'JobsFailed'),
        business.filter((m) => m.metricName === 'LoginFailures' || m.metricName === 'JobsFailed'),
      ),
      ...(props.webAcl
        ? [graph('WAF blocked requests', [wafBlockedRequests(props.webAcl.acl, { region: props.webAcl.region })])]
        : []),
    );
  }
}
