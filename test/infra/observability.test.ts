import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiP99LatencyThreshold } from '../../infra/constructs/alarms';
import { wafBlockSpikeThreshold } from '../../infra/constructs/edge-alarms';
import { metricNames } from '../../shared/platform/metrics';
import { metricsNamespace } from '../../shared/platform/metrics-emf';
import { allows, buildTestApp, logicalId, roleStatements, testMailFrom } from './support';

/** Issue 19 §5: alarms an operator can act on, the dashboard, and X-Ray tracing behind a flag. */
type Built = ReturnType<typeof buildTestApp> & { platform: Template; edgeTemplate: Template };
const build = (context: Record<string, unknown> = {}): Built => {
  const built = buildTestApp({ nagChecks: false, context: { mailFrom: testMailFrom, ...context } });
  return { ...built, platform: Template.fromStack(built.stack), edgeTemplate: Template.fromStack(built.edge) };
};

let plain: Built;
let traced: Built;
beforeAll(() => {
  plain = build({ alarmEmail: 'dyzur@urzad.example.pl' });
  traced = build({ tracing: 'true' });
}, 300_000);

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON of any shape, read by assertions
const alarms = (template: Template): Record<string, any>[] =>
  Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);

describe('alarms (platform stack)', () => {
  const topic = () => ({ Ref: logicalId(plain.stack.alarms.topic) });

  it('throttles of each function: on the first throttled invocation, to the topic', () => {
    const throttles = alarms(plain.platform).filter((a) => a.MetricName === 'Throttles');
    expect(throttles.map((a) => a.Dimensions[0].Value)).toEqual(
      expect.arrayContaining([
        { Ref: logicalId(plain.stack.api.fn.function) },
        { Ref: logicalId(plain.stack.worker.fn.function) },
      ]),
    );
    for (const alarm of throttles)
      expect(alarm).toMatchObject({
        Namespace: 'AWS/Lambda',
        Statistic: 'Sum',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [topic()],
        OKActions: [topic()],
      });
  });

  it('api p99 latency above 3 s for three 5-minute periods', () => {
    const [latency, ...others] = alarms(plain.platform).filter((a) => a.MetricName === 'Latency');
    expect(others).toEqual([]);
    expect(latency).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      ExtendedStatistic: 'p99',
      Period: 300,
      EvaluationPeriods: 3,
      Threshold: apiP99LatencyThreshold.toMilliseconds(),
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic()],
    });
    expect(latency!.Threshold).toBe(3000);
    expect(latency!.Dimensions).toEqual([{ Name: 'ApiId', Value: { Ref: logicalId(plain.stack.httpApi.httpApi) } }]);
  });

  it('the alarm topic mails the alarmEmail context address', () => {
    plain.platform.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'dyzur@urzad.example.pl',
      TopicArn: topic(),
    });
  });
});

describe('WAF blocks alarm (edge stack, us-east-1)', () => {
  it('alarms on a spike of blocked requests of this web ACL, to a topic in its own region', () => {
    const [waf, ...others] = alarms(plain.edgeTemplate);
    expect(others).toEqual([]);
    const edgeTopic = { Ref: logicalId(plain.edge.alarms.topic) };
    expect(waf).toMatchObject({
      Namespace: 'AWS/WAFV2',
      MetricName: 'BlockedRequests',
      Statistic: 'Sum',
      Period: 300,
      Threshold: wafBlockSpikeThreshold,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [edgeTopic],
      OKActions: [edgeTopic],
    });
    // CloudFront ACLs' metrics have no Region dimension; WebACL is the ACL's own metric name.
    expect(waf!.Dimensions).toEqual(
      expect.arrayContaining([
        { Name: 'WebACL', Value: plain.edge.webAcl.metricName },
        { Name: 'Rule', Value: 'ALL' },
      ]),
    );
    expect(waf!.Dimensions).toHaveLength(2);
    plain.edgeTemplate.hasResourceProperties('AWS::WAFv2::WebACL', {
      VisibilityConfig: { MetricName: plain.edge.webAcl.metricName, CloudWatchMetricsEnabled: true },
    });
    expect(plain.edge.webAcl.metricName).toBe('platformedgestack-dev-web-acl');
    plain.edgeTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'dyzur@urzad.example.pl',
      TopicArn: edgeTopic,
    });
  });
});

describe('dashboard', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the dashboard body is JSON assembled by CloudFormation
  const body = (): { widgets: { properties: { title: string; metrics: any[][]; region?: string } }[] } => {
    const [dashboard] = Object.values(plain.platform.findResources('AWS::CloudWatch::Dashboard'));
    const parts = dashboard!.Properties.DashboardBody['Fn::Join'][1] as unknown[];
    // Tokens (function names, the api id) become placeholders; the JSON structure is what is checked.
    const text = parts
      .map((p) => (typeof p === 'string' ? p : `TOKEN:${JSON.stringify(p).replace(/"/g, "'")}`))
      .join('');
    return JSON.parse(text);
  };
  const widget = (title: string) => {
    const found = body().widgets.find((w) => w.properties.title === title);
    expect(found, title).toBeDefined();
    return found!.properties;
  };
  const metricsOf = (title: string) => widget(title).metrics.map((m) => `${m[0]} ${m[1]}`);

  it('is named per stage', () => {
    plain.platform.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'przyjazny-urzad-dev' });
  });

  it('shows api requests, 4xx/5xx and latency p50/p99', () => {
    expect(metricsOf('API requests and errors')).toEqual([
      'AWS/ApiGateway Count',
      'AWS/ApiGateway 4xx',
      'AWS/ApiGateway 5xx',
    ]);
    const stats = widget('API latency (ms)').metrics.map((m) => (m.at(-1) as { stat: string }).stat);
    expect(stats).toEqual(['p50', 'p99']);
  });

  it('shows function errors, throttles and duration, the queue and its dead letters, DynamoDB throttles', () => {
    expect(metricsOf('Function errors and throttles')).toEqual(
      Array(3).fill(['AWS/Lambda Errors', 'AWS/Lambda Throttles']).flat(),
    );
    // api, jobs-worker and survey-counter, each by its own function name
    const duration = widget('Function duration p99 (ms)').metrics;
    expect(duration.map((m) => `${m[0]} ${m[1]}`)).toEqual(Array(3).fill('AWS/Lambda Duration'));
    expect(new Set(duration.map((m) => m[3])).size).toBe(3);
    expect(metricsOf('Jobs queue and dead letters')).toEqual([
      'AWS/SQS ApproximateNumberOfMessagesVisible',
      'AWS/SQS ApproximateNumberOfMessagesVisible',
      'AWS/SQS ApproximateAgeOfOldestMessage',
    ]);
  });

  it('sums DynamoDB index throttles and system errors over the series DynamoDB publishes (index, operation)', () => {
    const metrics = widget('DynamoDB throttles and errors').metrics;
    expect(metrics.slice(0, 2).map((m) => `${m[0]} ${m[1]}`)).toEqual([
      'AWS/DynamoDB ReadThrottleEvents',
      'AWS/DynamoDB WriteThrottleEvents',
    ]);
    const expressions = metrics.slice(2).map((m) => (m[0] as { expression: string }).expression);
    expect(expressions).toHaveLength(3);
    const [indexReads, indexWrites, systemErrors] = expressions;
    expect(indexReads).toMatch(
      /^SUM\(SEARCH\('\{AWS\/DynamoDB,TableName,GlobalSecondaryIndexName\} MetricName="ReadThrottleEvents"/,
    );
    expect(indexWrites).toMatch(/GlobalSecondaryIndexName\} MetricName="WriteThrottleEvents"/);
    expect(systemErrors).toMatch(/\{AWS\/DynamoDB,TableName,Operation\} MetricName="SystemErrors"/);
    // …of this stage's table (its name is a token resolved by CloudFormation)
    for (const e of expressions) expect(e).toMatch(/TableName="TOKEN:\{'Ref':'[^']+'\}"/);
    expect(metrics[4]?.[0]).toMatchObject({ label: 'system errors (all operations)' });
  });

  it('shows how far behind the survey counts are and the counter’s dead-lettered batches', () => {
    const metrics = widget('Survey answers counting (table stream)').metrics;
    expect(metrics.map((m) => `${m[0]} ${m[1]}`)).toEqual([
      'AWS/Lambda IteratorAge',
      'AWS/SQS ApproximateNumberOfMessagesVisible',
    ]);
    expect(metrics[0]?.at(-1)).toMatchObject({ stat: 'Maximum' });
    expect(JSON.stringify(metrics[0])).toContain(logicalId(plain.stack.surveyCounter.fn.function));
    expect(JSON.stringify(metrics[1])).toContain(logicalId(plain.stack.surveyCounter.deadLetters));
  });

  it('shows every business metric by the function that counts it, and the WAF blocks from us-east-1', () => {
    const business = widget('The contest (business metrics)').metrics;
    expect(business.map((m) => m[1]).sort()).toEqual([...metricNames].sort());
    for (const m of business) {
      expect(m[0]).toBe(metricsNamespace);
      expect(m[2]).toBe('service');
    }
    const waf = widget('WAF blocked requests').metrics;
    expect(waf[0]!.slice(0, 2)).toEqual(['AWS/WAFV2', 'BlockedRequests']);
    expect(waf[0]).toContain(plain.edge.webAcl.metricName);
    expect(waf[0]!.at(-1)).toMatchObject({ region: 'us-east-1' });
  });
});

describe('X-Ray tracing (context tracing)', () => {
  const functions = (b: Built) => [b.stack.api.fn, b.stack.worker.fn];
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON
  const props = (b: Built, fn: ReturnType<typeof functions>[number]): any =>
    b.platform.toJSON().Resources[logicalId(fn.function)].Properties;

  it('is off by default: no TracingConfig, no X-Ray permission', () => {
    for (const fn of functions(plain)) {
      expect(props(plain, fn).TracingConfig).toBeUndefined();
      expect(allows(roleStatements(plain.platform, logicalId(fn.role)), 'xray:PutTraceSegments', '*')).toEqual([]);
    }
  });

  it('-c tracing=true: active tracing on every function, allowed to write segments', () => {
    for (const fn of functions(traced)) {
      expect(props(traced, fn).TracingConfig).toEqual({ Mode: 'Active' });
      expect(allows(roleStatements(traced.platform, logicalId(fn.role)), 'xray:PutTraceSegments', '*')).not.toEqual([]);
    }
  });

  it('refuses a tracing value other than true or false', () => {
    expect(() => buildTestApp({ nagChecks: false, context: { tracing: 'yes' } })).toThrow(
      /"tracing" must be true or false/,
    );
  });
});
