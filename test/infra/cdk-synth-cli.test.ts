import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/constructs/bundling';
import { fakeWebBuild, temporaryDir } from './support';

/** The environment of a machine that has never seen AWS: no credentials, profile, region, or metadata service. */
function offlineEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(AWS_|CDK_|NODE_ENV$)/.test(key)) env[key] = value;
  }
  return {
    ...env,
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    AWS_CONFIG_FILE: join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** `npx cdk synth` (every stack: both) into a fresh directory, offline, with extra `-c key=value` settings. */
function synth(context: Record<string, string> = {}) {
  const outdir = temporaryDir('cdk-synth-');
  // A fixed web build rather than web/dist, which another suite may be rebuilding right now.
  const args = ['cdk', 'synth', '--no-notices', '-q', '-o', outdir, '-c', `webDist=${fakeWebBuild()}`];
  for (const [key, value] of Object.entries(context)) args.push('-c', `${key}=${value}`);
  const result = spawnSync('npx', args, {
    cwd: repoRoot,
    env: offlineEnv(outdir),
    encoding: 'utf8',
    timeout: 300_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.error).toBeUndefined();
  expect(result.status, output).toBe(0);
  expect(output).not.toMatch(/AwsSolutions-/);
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON of any shape, read by assertions
  type TemplateJson = { Resources: Record<string, { Type: string; Properties: Record<string, any> }> };
  const template = (stack: string) => {
    const path = join(outdir, `${stack}.template.json`);
    expect(existsSync(path)).toBe(true);
    return JSON.parse(readFileSync(path, 'utf8')) as TemplateJson;
  };
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
    artifacts: Record<string, { environment?: string }>;
  };
  return { outdir, template, manifest };
}

describe('npx cdk synth', () => {
  it('synthesises offline, without AWS credentials, with no cdk-nag finding', { timeout: 300_000 }, () => {
    const { outdir, template, manifest } = synth();
    const types = Object.values(template('PlatformStack').Resources).map((r) => r.Type);
    expect(types).toContain('AWS::DynamoDB::GlobalTable');
    expect(types).toContain('Custom::CDKBucketDeployment');
    const edgeTypes = Object.values(template('PlatformEdgeStack').Resources).map((r) => r.Type);
    expect(edgeTypes).toContain('AWS::WAFv2::WebACL');
    expect(edgeTypes).not.toContain('AWS::CertificateManager::Certificate');

    // Regions are concrete (cross-region references need them), the account is whatever deploys it.
    expect(manifest.artifacts.PlatformStack?.environment).toBe('aws://unknown-account/eu-central-1');
    expect(manifest.artifacts.PlatformEdgeStack?.environment).toBe('aws://unknown-account/us-east-1');

    // The certificate fonts travel beside index.mjs (no node_modules in Lambda): in the worker's bundle
    // (certificates) and in the api's split bundle (survey posters); in no other.
    const bundles = readdirSync(outdir)
      .filter((d) => d.startsWith('asset.') && existsSync(join(outdir, d, 'index.mjs')))
      .map((d) => ({ dir: join(outdir, d), code: readFileSync(join(outdir, d, 'index.mjs'), 'utf8') }));
    const worker = bundles.filter((b) => b.code.includes('CREDENTIAL_KEY_ID is not set'));
    expect(worker).toHaveLength(1);
    const api = bundles.filter((b) => existsSync(join(b.dir, 'chunks')));
    expect(api).toHaveLength(1);
    for (const b of [...worker, ...api])
      for (const font of ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf'])
        expect(statSync(join(b.dir, 'fonts', font)).size).toBeGreaterThan(100_000);
    const others = bundles.filter((b) => !worker.includes(b) && !api.includes(b));
    for (const b of others) expect(existsSync(join(b.dir, 'fonts'))).toBe(false);
  });

  it('synthesises with a domain and a Route 53 zone in another region, still offline and nag-clean', {
    timeout: 300_000,
  }, () => {
    const { template, manifest } = synth({
      domainName: 'konkurs.example.pl',
      hostedZoneId: 'Z0123456789ABCDEFGHIJ',
      hostedZoneName: 'example.pl',
      region: 'eu-west-1',
    });
    expect(manifest.artifacts.PlatformStack?.environment).toBe('aws://unknown-account/eu-west-1');
    const certificates = Object.values(template('PlatformEdgeStack').Resources).filter(
      (r) => r.Type === 'AWS::CertificateManager::Certificate',
    );
    expect(certificates.map((c) => c.Properties.DomainName)).toEqual(['konkurs.example.pl']);
    const distribution = Object.values(template('PlatformStack').Resources).find(
      (r) => r.Type === 'AWS::CloudFront::Distribution',
    );
    expect(distribution?.Properties.DistributionConfig.Aliases).toEqual(['konkurs.example.pl']);
    expect(distribution?.Properties.DistributionConfig.ViewerCertificate.MinimumProtocolVersion).toBe('TLSv1.2_2021');
  });
});
