import { Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import type { Construct } from 'constructs';
import { EdgeAlarms } from './constructs/edge-alarms';
import { WebAcl } from './constructs/web-acl';
import { contextString, type DomainSettings, type Stage } from './settings';

export interface EdgeStackProps extends StackProps {
  readonly domain?: DomainSettings;
  readonly stage?: Stage;
}

/**
 * What CloudFront reads from us-east-1 only: the web ACL and, when a domain is configured with a
 * Route 53 zone, its ACM certificate (validated by DNS in that zone). PlatformStack uses both through
 * weak cross-region references (Fn::GetStackOutput), so `cdk deploy --all` deploys this stack first.
 * The WAF alarm is here too, with its own topic: an alarm acts only on a topic in its region.
 */
export class EdgeStack extends Stack {
  readonly webAcl: WebAcl;
  readonly certificate: acm.ICertificate | undefined;
  readonly alarms: EdgeAlarms;

  constructor(scope: Construct, id: string, props: EdgeStackProps = {}) {
    super(scope, id, props);
    this.webAcl = new WebAcl(this, 'WebAcl');
    this.alarms = new EdgeAlarms(this, 'Alarms', {
      webAcl: this.webAcl,
      alarmEmail: contextString(this, 'alarmEmail'),
    });
    const domain = props.domain;
    if (domain && 'hostedZone' in domain) {
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: domain.hostedZone.id,
        zoneName: domain.hostedZone.name,
      });
      this.certificate = new acm.Certificate(this, 'Certificate', {
        domainName: domain.domainName,
        validation: acm.CertificateValidation.fromDns(zone),
      });
    }
  }
}
