import { Aws, Duration, Fn } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { pageContentSecurityPolicy, pageHeaderValues, pageSecurityHeaders } from '../../shared/http/page-headers';
import { acknowledge } from './nag';
import { secureBucket } from './secure-bucket';

export interface WebProps {
  readonly httpApi: apigwv2.IHttpApi;
  readonly accessLogs: s3.IBucket;
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
          }),
          // A redirect would turn a POST into a GET and lose its body; API clients must use HTTPS.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: apiRequests,
        },
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
    });

    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction: applicants, assessors and chapter members use the service from abroad too (travel, cross-border institutions); abuse is limited by API throttling and application rate limits instead.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'A CloudFront web ACL must live in us-east-1, while this stack is region-agnostic; it is planned as a separate us-east-1 stack. Until then the HTTP API stage throttles requests (rate and burst limits), and the sign-in rate limit arrives with accounts (issue 3).',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'The distribution still uses the default *.cloudfront.net certificate, whose security policy CloudFront fixes at TLSv1 (CDK ignores minimumProtocolVersion without a certificate); attaching the custom domain with an ACM certificate comes with minimumProtocolVersion TLS_V1_2_2021.',
    );
  }

  /** The public origin of the web app and API. */
  get origin(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
