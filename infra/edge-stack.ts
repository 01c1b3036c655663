import { Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import type { Construct } from 'constructs';
import { WebAcl } from './constructs/web-acl';
import type { DomainSettings } from './settings';

export interface EdgeStackProps extends StackProps {
  readonly domain?: DomainSettings;
}

/**
 * What CloudFront reads from us-east-1 only: the web ACL and, when a domain is configured with a
 * Route 53 zone, its ACM certificate (validated by DNS in that zone). PlatformStack uses both through
 * weak cross-region references (Fn::GetStackOutput), so `cdk deploy --all` deploys this stack first.
 */
export class EdgeStack extends Stack {
  readonly webAcl: WebAcl;
  readonly certificate: acm.ICertificate | undefined;

  constructor(scope: Construct, id: string, props: EdgeStackProps = {}) {
    super(scope, id, props);
    this.webAcl = new WebAcl(this, 'WebAcl');
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
