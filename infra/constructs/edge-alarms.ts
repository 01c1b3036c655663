import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { WebAcl } from './web-acl';

/**
 * Requests the web ACL blocked in 5 minutes above which someone should look. An edition brings a few
 * thousand visitors over weeks; on a normal day bots meet the managed rules a handful of times an hour.
 * 500 blocks in 5 minutes is either an attack (several addresses at the rate limits, a scanner) or a
 * rule blocking real clerks (the common rule set on a new form), and both want a human.
 */
export const wafBlockSpikeThreshold = 500;

/** AWS/WAFV2 BlockedRequests of a CloudFront web ACL: dimensions WebACL (its metric name) and Rule=ALL, no Region. */
export function wafBlockedRequests(webAcl: WebAcl, props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/WAFV2',
    metricName: 'BlockedRequests',
    dimensionsMap: { WebACL: webAcl.metricName, Rule: 'ALL' },
    statistic: cloudwatch.Stats.SUM,
    period: Duration.minutes(5),
    ...props,
  });
}

export interface EdgeAlarmsProps {
  readonly webAcl: WebAcl;
  /** Optional address subscribed to the topic (context `alarmEmail`, as the platform's topic). */
  readonly alarmEmail?: string;
}

/**
 * The web ACL lives in us-east-1 and so do its metrics; a CloudWatch alarm acts only on an SNS topic of
 * its own region, so the WAF alarm has its own topic here, with the same optional e-mail subscription.
 */
export class EdgeAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly wafBlockSpike: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EdgeAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Przyjazny Urzad platform alarms (edge, us-east-1)',
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    this.wafBlockSpike = new cloudwatch.Alarm(this, 'WafBlockSpike', {
      alarmDescription: `The web ACL blocked more than ${wafBlockSpikeThreshold} requests in 5 minutes: an attack or a rule blocking real users; see the blocked-request log (aws-waf-logs-…) and docs/operations.md`,
      metric: wafBlockedRequests(props.webAcl),
      threshold: wafBlockSpikeThreshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const notify = new actions.SnsAction(this.topic);
    this.wafBlockSpike.addAlarmAction(notify);
    this.wafBlockSpike.addOkAction(notify);
  }
}
