import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentUploadSource } from '../../infra/constructs/web';
import { pageContentSecurityPolicy, pageSecurityHeaders } from '../../shared/http/page-headers';
import { buildTestApp, synthPlatform, testMailFrom, type PlatformFixture } from './support';

let fx: PlatformFixture;
beforeAll(() => {
  fx = synthPlatform();
}, 300_000);

describe('HTTP API', () => {
  it('routes ANY /api and ANY /api/{proxy+} to the api function (payload 2.0)', () => {
    fx.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    const integrations = fx.template.findResources('AWS::ApiGatewayV2::Integration', {
      Properties: {
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [fx.id(fx.stack.api.fn.function), 'Arn'] },
      },
    });
    const [integrationId] = Object.keys(integrations);
    expect(integrationId).toBeDefined();
    for (const routeKey of ['ANY /api', 'ANY /api/{proxy+}']) {
      fx.template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey,
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
      });
    }
    fx.template.resourceCountIs('AWS::ApiGatewayV2::Route', 2);
  });

  it('logs access on the $default stage to a log group with retention', () => {
    fx.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [fx.id(fx.stack.httpApi.accessLogs), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
    });
    expect(fx.resource(fx.stack.httpApi.accessLogs).Properties.RetentionInDays).toBeGreaterThan(0);
  });
});

describe('functions', () => {
  const functions = () => ({ api: fx.stack.api.fn, worker: fx.stack.worker.fn });

  it('the worker maps its stack traces; the api does not (Node would read every loaded chunk’s map on each cold start)', () => {
    const env = (fn: { function: unknown }) => fx.resource(fn.function as never).Properties.Environment.Variables;
    expect(env(fx.stack.worker.fn).NODE_OPTIONS).toBe('--enable-source-maps');
    expect(env(fx.stack.api.fn).NODE_OPTIONS ?? '').not.toContain('--enable-source-maps');
  });

  it('both run ESM bundles on an explicit Node 22 runtime on ARM64, with their own log group', () => {
    for (const fn of Object.values(functions())) {
      const props = fx.resource(fn.function).Properties;
      expect(props.Runtime).toBe('nodejs22.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.Handler).toBe('index.handler');
      expect(props.LoggingConfig).toEqual({ LogGroup: { Ref: fx.id(fn.logGroup) } });
      expect(fx.resource(fn.logGroup).Properties.RetentionInDays).toBeGreaterThan(0);
      expect(fx.resource(fn.role).Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('gives the api function its configuration', () => {
    const env = fx.resource(fx.stack.api.fn.function).Properties.Environment.Variables;
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining([
        'TABLE_NAME',
        'DOCUMENTS_BUCKET',
        'CERTIFICATES_BUCKET',
        'JOBS_QUEUE_URL',
        'MAIL_FROM',
        'APP_SECRET_ARN',
        'LOG_LEVEL',
        'PUBLIC_ORIGIN',
      ]),
    );
    expect(env.TABLE_NAME).toEqual({ Ref: fx.id(fx.stack.data.table) });
    expect(env.DOCUMENTS_BUCKET).toEqual({ Ref: fx.id(fx.stack.storage.documents) });
    expect(env.CERTIFICATES_BUCKET).toEqual({ Ref: fx.id(fx.stack.storage.certificates) });
    expect(env.JOBS_QUEUE_URL).toEqual({ Ref: fx.id(fx.stack.worker.jobs.queue) });
    expect(env.MAIL_FROM).toBe(testMailFrom); // from the mailFrom context value
    expect(env.LOG_LEVEL).toBe('info');
  });

  it('feeds the worker from the queue in batches of 10, reporting failures per message', () => {
    fx.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [fx.id(fx.stack.worker.jobs.queue), 'Arn'] },
      FunctionName: { Ref: fx.id(fx.stack.worker.fn.function) },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });
});

describe('CloudFront', () => {
  it('serves the private web bucket through OAC, HTTPS only, index.html at the root', () => {
    const config = fx.resource(fx.stack.web.distribution).Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const s3Origin = config.Origins.find((o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(s3Origin.DomainName).toEqual({ 'Fn::GetAtt': [fx.id(fx.stack.web.bucket), 'RegionalDomainName'] });
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(config.Logging.Bucket).toEqual({ 'Fn::GetAtt': [fx.id(fx.stack.storage.accessLogs), 'RegionalDomainName'] });
  });

  it('routes /api/* to the HTTP API, uncached, with every method, the headers the app reads and the viewer address', () => {
    const config = fx.resource(fx.stack.web.distribution).Properties.DistributionConfig;
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      CachePolicyId: cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: { Ref: expect.stringMatching(/ApiRequests/) },
      AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
      ViewerProtocolPolicy: 'https-only',
    });
    const policies = Object.values(fx.template.findResources('AWS::CloudFront::OriginRequestPolicy'));
    expect(policies).toHaveLength(1);
    const policy = policies[0]!.Properties.OriginRequestPolicyConfig;
    // Host must not be forwarded (API Gateway routes by its own host name); cookies carry the session.
    expect(policy.HeadersConfig.HeaderBehavior).toBe('whitelist');
    expect(policy.HeadersConfig.Headers).toEqual(
      expect.arrayContaining([
        'CloudFront-Viewer-Address',
        'Content-Type',
        'Origin',
        'Sec-Fetch-Site',
        'Accept-Language',
      ]),
    );
    expect(policy.HeadersConfig.Headers).not.toContain('Host');
    expect(policy.CookiesConfig.CookieBehavior).toBe('all');
    const origin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(origin.DomainName).toEqual({
      'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [fx.id(fx.stack.httpApi.httpApi), 'ApiEndpoint'] }] }],
    });
    expect(origin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
  });

  it('falls back to index.html for client-side routes only', () => {
    const code = Object.values(fx.template.findResources('AWS::CloudFront::Function'))[0]!.Properties
      .FunctionCode as string;
    const handler = new Function(`${code}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite('/editions/2025/applications')).toBe('/index.html');
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/assets/index-abc123.js')).toBe('/assets/index-abc123.js');
    expect(rewrite('/favicon.svg')).toBe('/favicon.svg');
  });

  it('never serves a source map, however the dot is written', () => {
    const code = Object.values(fx.template.findResources('AWS::CloudFront::Function'))[0]!.Properties
      .FunctionCode as string;
    const handler = new Function(`${code}; return handler;`)() as (e: { request: { uri: string } }) => {
      uri?: string;
      statusCode?: number;
    };
    for (const uri of ['/assets/index-abc123.js.map', '/assets/index-abc123.css.MAP', '/assets/index-abc123.js%2Emap'])
      expect(handler({ request: { uri } }), uri).toEqual({ statusCode: 404, statusDescription: 'Not Found' });
    expect(handler({ request: { uri: '/assets/a%E0%A4.js' } }).uri).toBe('/assets/a%E0%A4.js'); // malformed: passed on
  });

  it('sends the pages the same security headers as the local server, with a strict CSP that lets uploads reach S3', () => {
    const config = fx.resource(fx.stack.web.distribution).Properties.DistributionConfig;
    const policies = fx.template.findResources('AWS::CloudFront::ResponseHeadersPolicy');
    const [policyId] = Object.keys(policies);
    expect(Object.keys(policies)).toHaveLength(1);
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    // The API sets its own headers (shared/http/app.ts): no policy on /api/*.
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api.ResponseHeadersPolicyId).toBeUndefined();

    const policy = policies[policyId!]!.Properties.ResponseHeadersPolicyConfig;
    const local = pageSecurityHeaders();
    expect(policy.SecurityHeadersConfig.ContentSecurityPolicy).toEqual({
      ContentSecurityPolicy: fx.stack.resolve(pageContentSecurityPolicy({ connectSources: [documentUploadSource] })),
      Override: true,
    });
    const csp = policy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Join'][1] as unknown[];
    const text = csp.map((part) => (typeof part === 'string' ? part : `<${JSON.stringify(part)}>`)).join('');
    expect(text).toContain("script-src 'self';");
    expect(text).toContain('connect-src \'self\' https://*.s3.<{"Ref":"AWS::Region"}>.<{"Ref":"AWS::URLSuffix"}>;');
    expect(text).toContain("frame-ancestors 'none'; object-src 'none'; base-uri 'none'");
    expect(text).not.toContain('unsafe');
    expect(policy.SecurityHeadersConfig).toMatchObject({
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: local['X-Frame-Options'], Override: true },
      ReferrerPolicy: { ReferrerPolicy: local['Referrer-Policy'], Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
      XSSProtection: { Protection: false, Override: true },
    });
    expect(local['X-Content-Type-Options']).toBe('nosniff');
    expect(policy.CustomHeadersConfig.Items).toEqual(
      ['Permissions-Policy', 'Cross-Origin-Opener-Policy', 'Cross-Origin-Resource-Policy'].map((Header) => ({
        Header,
        Value: local[Header],
        Override: true,
      })),
    );
  });

  it('uploads the web build when one exists, and synthesises without one', () => {
    fx.template.resourceCountIs('Custom::CDKBucketDeployment', 2);
    const bare = Template.fromStack(buildTestApp({ nagChecks: false, webDistPath: null }).stack);
    bare.resourceCountIs('Custom::CDKBucketDeployment', 0);
    bare.resourceCountIs('AWS::CloudFront::Distribution', 1);
  });
});

describe('the API only through CloudFront (origin secret)', () => {
  const secretId = () => fx.id(fx.stack.originSecret.secret);
  /** The CloudFormation dynamic reference to the origin secret at `stage` (AWSCURRENT when omitted). */
  const dynamicReference = (stage = '') => ({
    'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId() }, `:SecretString::${stage}:}}`]],
  });
  const apiOrigin = (config: {
    Origins: { Id: string }[];
    CacheBehaviors: { PathPattern: string; TargetOriginId: string }[];
  }) => {
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*')!;
    return config.Origins.find((o) => o.Id === api.TargetOriginId) as {
      OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
    };
  };

  it('CloudFront sends the generated secret (a dynamic reference) and its generation to the API origin only', () => {
    fx.template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true },
    });
    const config = fx.resource(fx.stack.web.distribution).Properties.DistributionConfig;
    expect(apiOrigin(config).OriginCustomHeaders).toEqual([
      { HeaderName: 'x-origin-verify', HeaderValue: dynamicReference() },
      { HeaderName: 'x-origin-secret-generation', HeaderValue: '1' },
    ]);
    const s3Origin = config.Origins.find((o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(s3Origin.OriginCustomHeaders).toBeUndefined();
  });

  it('the api function gets the same value by reference, and no right to read the secret at run time', () => {
    const env = fx.resource(fx.stack.api.fn.function).Properties.Environment.Variables;
    expect(env.ORIGIN_SECRET).toEqual(dynamicReference());
    expect(env.ORIGIN_SECRET_PREVIOUS).toBeUndefined();
    const statements = JSON.stringify(fx.template.findResources('AWS::IAM::Policy'));
    expect(statements).not.toContain(secretId());
  });

  it('during a rotation the function also accepts the previous value, and the generation follows the context', () => {
    const { stack } = buildTestApp({
      nagChecks: false,
      webDistPath: null,
      context: { originSecretAcceptPrevious: 'true', originSecretGeneration: '2' },
    });
    const template = Template.fromStack(stack).toJSON();
    const env = template.Resources[fx.id(stack.api.fn.function)].Properties.Environment.Variables;
    expect(env.ORIGIN_SECRET).toEqual(dynamicReference());
    expect(env.ORIGIN_SECRET_PREVIOUS).toEqual(dynamicReference('AWSPREVIOUS'));
    const config = template.Resources[fx.id(stack.web.distribution)].Properties.DistributionConfig;
    expect(apiOrigin(config).OriginCustomHeaders).toContainEqual({
      HeaderName: 'x-origin-secret-generation',
      HeaderValue: '2',
    });
  });
});
