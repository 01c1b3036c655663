import { Aws, Duration, Fn } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { pageContentSecurityPolicy, pageHeaderValues, pageSecurityHeaders } from '../../shared/http/page-headers';
import { acknowledge } from './nag';
import { secureBucket } from './secure-bucket';

/** The public domain: its us-east-1 certificate and, when CDK manages its DNS, the Route 53 zone. */
export interface WebDomain {
  readonly domainName: string;
  readonly certificate: acm.ICertificate;
  readonly hostedZone?: { readonly id: string; readonly name: string };
}

export interface WebProps {
  readonly httpApi: apigwv2.IHttpApi;
  readonly accessLogs: s3.IBucket;
  /** The CloudFront web ACL's ARN (EdgeStack, us-east-1). */
  readonly webAclArn: string;
  /** Without one, the distribution answers on its *.cloudfront.net name only (a dev stage). */
  readonly domain?: WebDomain;
  /** Headers CloudFront adds to every request to the API origin (the origin secret). */
  readonly apiOriginHeaders: Record<string, string>;
}

/**
 * On the viewer request of the S3 behaviour only. Source maps are not served (the build keeps them
 * for reading stack traces; a percent-encoded dot reaches S3 as a dot, so the path is decoded first).
 * SPA fallback: a path without a file extension is a client-side route and gets index.html.
 * (Distribution-wide errorResponses would also turn the API's own JSON 403/404 answers into
 * index.html with 200.)
 */
const spaFallbackCode = `function handler(event) {
  var request = event.request;
  var path = request.uri;
  try { path = decodeURIComponent(request.uri); } catch (e) {}
  if (/\\.map$/i.test(path)) return { statusCode: 404, statusDescription: 'Not Found' };
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * Browsers PUT attachments straight to the documents bucket with presigned, virtual-hosted URLs
 * (https://<bucket>.s3.<region>.amazonaws.com/…). The bucket's own name cannot appear in this policy:
 * its CORS rule names the distribution's origin, and the distribution names this policy — a cycle
 * CloudFormation refuses. So the region's S3 hosts it is, built from pseudo parameters only; the
 * presigned signature, not the CSP, is what guards the bucket.
 */
export const documentUploadSource = `https://*.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`;

/**
 * The pages' security headers (shared/http/page-headers.ts, which the local server sends too), as a
 * CloudFront response-headers policy. The API behaviour has none: the app sets its own.
 */
function pageHeadersPolicy(scope: Construct): cloudfront.ResponseHeadersPolicy {
  const hsts = pageHeaderValues.strictTransportSecurity;
  const referrerPolicy = Object.values(cloudfront.HeadersReferrerPolicy).find(
    (p) => p === pageHeaderValues.referrerPolicy,
  );
  if (!referrerPolicy) throw new Error(`CloudFront has no referrer policy ${pageHeaderValues.referrerPolicy}`);
  const custom = pageSecurityHeaders();
  return new cloudfront.ResponseHeadersPolicy(scope, 'PageHeaders', {
    comment: 'Przyjazny Urzad web pages: strict CSP and the other security headers',
    securityHeadersBehavior: {
      contentSecurityPolicy: {
        contentSecurityPolicy: pageContentSecurityPolicy({ connectSources: [documentUploadSource] }),
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(hsts.maxAgeSeconds),
        includeSubdomains: hsts.includeSubdomains,
        override: true,
      },
      xssProtection: { protection: false, override: true },
    },
    customHeadersBehavior: {
      customHeaders: ['Permissions-Policy', 'Cross-Origin-Opener-Policy', 'Cross-Origin-Resource-Policy'].map(
        (header) => ({ header, value: custom[header] ?? '', override: true }),
      ),
    },
  });
}

/** The private web bucket behind CloudFront; `/api/*` goes to the HTTP API on the same origin. */
export class Web extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly domainName: string | undefined;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    this.bucket = secureBucket(this, 'Bucket', { accessLogs: props.accessLogs, accessLogsPrefix: 's3/web/' });

    const spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      code: cloudfront.FunctionCode.fromInline(spaFallbackCode),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for client-side routes',
    });
    // apiEndpoint is https://<id>.execute-api.<region>.amazonaws.com: the origin wants the host alone.
    const apiDomain = Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint));

    // The API reads these viewer headers, plus CloudFront-Viewer-Address: behind CloudFront the
    // connecting address is an edge server, and the login rate limit counts per real client.
    const apiRequests = new cloudfront.OriginRequestPolicy(this, 'ApiRequests', {
      comment: 'Przyjazny Urzad API: viewer headers the app reads and the viewer address',
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(
        'Accept',
        'Accept-Language',
        'Content-Type',
        'Origin',
        'Sec-Fetch-Site',
        'User-Agent',
        'X-Request-Id',
        'CloudFront-Viewer-Address',
      ),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.all(),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Przyjazny Urzad platform: web app and /api',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: pageHeadersPolicy(this),
        functionAssociations: [{ function: spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(apiDomain, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
            customHeaders: props.apiOriginHeaders,
          }),
          // A redirect would turn a POST into a GET and lose its body; API clients must use HTTPS.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: apiRequests,
        },
      },
      ...(props.domain
        ? {
            domainNames: [props.domain.domainName],
            certificate: props.domain.certificate,
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      webAclId: props.webAclArn,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
    });

    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction: applicants, assessors and chapter members use the service from abroad too (travel, cross-border institutions); abuse is limited by the web ACL (per-address rate rules, IP reputation list), API throttling and the rate limits of the app itself instead.',
    );
    this.domainName = props.domain?.domainName;
    const zone = props.domain?.hostedZone;
    if (props.domain && zone) {
      const hostedZone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: zone.id,
        zoneName: zone.name,
      });
      const target = route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(this.distribution));
      const recordName = props.domain.domainName;
      new route53.ARecord(this, 'AliasA', { zone: hostedZone, recordName, target });
      new route53.AaaaRecord(this, 'AliasAaaa', { zone: hostedZone, recordName, target });
    }
    if (!props.domain) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'Dev stage without a domain (no domainName context): the default *.cloudfront.net certificate, whose security policy CloudFront fixes at TLSv1 (CDK ignores minimumProtocolVersion without a certificate). With -c domainName=... the distribution gets an ACM certificate and TLS_V1_2_2021, and this acknowledgement is not made.',
      );
    }
  }

  /** The public origin of the web app and API. */
  get origin(): string {
    return `https://${this.domainName ?? this.distribution.distributionDomainName}`;
  }
}
