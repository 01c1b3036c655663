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

describe('npx cdk synth', () => {
  it('synthesises offline, without AWS credentials, with no cdk-nag finding', { timeout: 300_000 }, () => {
    const outdir = temporaryDir('cdk-synth-');
    // A fixed web build rather than web/dist, which another suite may be rebuilding right now.
    const args = ['cdk', 'synth', '--no-notices', '-q', '-o', outdir, '-c', `webDist=${fakeWebBuild()}`];
    const result = spawnSync('npx', args, {
      cwd: repoRoot,
      env: offlineEnv(outdir),
      encoding: 'utf8',
      timeout: 300_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.error).toBeUndefined();
    expect(result.status, output).toBe(0);

    const templatePath = join(outdir, 'PlatformStack.template.json');
    expect(existsSync(templatePath)).toBe(true);
    const template = JSON.parse(readFileSync(templatePath, 'utf8')) as { Resources: Record<string, { Type: string }> };
    const types = Object.values(template.Resources).map((r) => r.Type);
    expect(types).toContain('AWS::DynamoDB::GlobalTable');
    expect(types).toContain('Custom::CDKBucketDeployment');

    expect(output).not.toMatch(/AwsSolutions-/);
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
      artifacts: Record<string, { environment?: string }>;
    };
    expect(manifest.artifacts.PlatformStack?.environment).toBe('aws://unknown-account/unknown-region');

    // The worker's bundle carries the certificate fonts beside index.mjs (no node_modules in Lambda); the API's does not.
    const bundles = readdirSync(outdir)
      .filter((d) => d.startsWith('asset.') && existsSync(join(outdir, d, 'index.mjs')))
      .map((d) => ({ dir: join(outdir, d), code: readFileSync(join(outdir, d, 'index.mjs'), 'utf8') }));
    const worker = bundles.filter((b) => b.code.includes('CREDENTIAL_KEY_ID is not set'));
    expect(worker).toHaveLength(1);
    for (const font of ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf'])
      expect(statSync(join(worker[0]!.dir, 'fonts', font)).size).toBeGreaterThan(100_000);
    const others = bundles.filter((b) => !b.code.includes('CREDENTIAL_KEY_ID is not set'));
    expect(others.length).toBeGreaterThan(0);
    for (const b of others) expect(existsSync(join(b.dir, 'fonts'))).toBe(false);
  });
});
