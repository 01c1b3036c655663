import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/constructs/bundling';
import type { CiStack } from '../../infra/ci-stack';
import { buildTestApp, logicalId, roleStatements } from './support';

/** The workflow's jobs as blocks of text, by the two-space indentation of their names under `jobs:`. */
function workflowJobs(text: string): Record<string, string> {
  const lines = text.split('\n');
  const start = lines.indexOf('jobs:');
  expect(start).toBeGreaterThan(0);
  const jobs: Record<string, string[]> = {};
  let current: string | undefined;
  for (const line of lines.slice(start + 1)) {
    const name = /^ {2}([\w-]+):\s*$/.exec(line);
    if (name) {
      current = name[1]!;
      jobs[current] = [];
    } else if (current && line.trim() !== '') jobs[current]!.push(line);
  }
  return Object.fromEntries(Object.entries(jobs).map(([k, v]) => [k, v.join('\n')]));
}

describe('.github/workflows/deploy.yml', () => {
  const text = readFileSync(join(repoRoot, '.github/workflows/deploy.yml'), 'utf8');
  const jobs = workflowJobs(text);
  const topLevel = text.slice(0, text.indexOf('\njobs:'));

  it('runs on pushes to main and v* tags, with read-only permissions by default', () => {
    expect(topLevel).toMatch(/^on:\n {2}push:\n {4}branches: \[main\]\n {4}tags: \[["']v\*["']\]$/m);
    expect(topLevel).toMatch(/^permissions:\n {2}contents: read$/m);
    expect(topLevel).not.toContain('id-token');
  });

  it('tests and synthesises first; deploys dev on main and prod on a tag, each after the tests', () => {
    expect(Object.keys(jobs)).toEqual(['test', 'deploy-dev', 'deploy-prod']);
    expect(jobs.test).toContain('- run: npm test');
    expect(jobs.test).toContain('npx cdk synth --no-notices');
    expect(jobs['deploy-dev']).toContain("if: github.ref == 'refs/heads/main'");
    expect(jobs['deploy-dev']).toMatch(/^ {4}environment: dev$/m);
    expect(jobs['deploy-prod']).toContain("if: startsWith(github.ref, 'refs/tags/v')");
    expect(jobs['deploy-prod']).toMatch(/^ {4}environment: prod$/m);
    for (const job of ['deploy-dev', 'deploy-prod']) {
      const block = jobs[job]!;
      expect(block).toMatch(/^ {4}needs: test$/m);
      const diff = block.indexOf('npx cdk diff');
      const deploy = block.indexOf('npx cdk deploy');
      expect(diff, job).toBeGreaterThan(0);
      expect(deploy, job).toBeGreaterThan(diff); // the diff is in the log before anything changes
      expect(block).toContain('PlatformEdgeStack PlatformStack'); // never the CI stack that grants the pipeline its role
    }
  });

  it('gets AWS credentials only through OIDC, in the deploy jobs', () => {
    expect(jobs.test).not.toContain('configure-aws-credentials');
    expect(jobs.test).not.toContain('id-token');
    for (const job of ['deploy-dev', 'deploy-prod']) {
      expect(jobs[job]).toMatch(/^ {6}id-token: write$/m);
      expect(jobs[job]).toContain('uses: aws-actions/configure-aws-credentials@v4');
      expect(jobs[job]).toContain('role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}');
    }
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|secrets\./i);
  });
});

describe('PlatformCiStack: the OIDC deploy role', () => {
  let ci: CiStack;
  let template: Template;
  beforeAll(() => {
    const built = buildTestApp({
      webDistPath: null,
      nagChecks: false,
      context: { githubRepository: 'urzad/platform', githubEnvironment: 'prod' },
    });
    ci = built.ci!;
    template = Template.fromStack(ci);
    expect(new AwsSolutionsChecks().validateScope(ci).violations.map((v) => v.ruleName)).toEqual([]);
  }, 300_000);

  it('trusts GitHub OIDC tokens of that repository and GitHub environment only, for an hour', () => {
    template.hasResourceProperties('AWS::IAM::OIDCProvider', {
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
    });
    const role = template.toJSON().Resources[logicalId(ci.deployRole)].Properties;
    expect(role.MaxSessionDuration).toBe(3600);
    template.hasOutput('DeployRoleArn', { Value: { 'Fn::GetAtt': [logicalId(ci.deployRole), 'Arn'] } });
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRoleWithWebIdentity',
        Effect: 'Allow',
        Principal: { Federated: { 'Fn::GetAtt': [logicalId(ci.provider), 'Arn'] } },
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': 'repo:urzad/platform:environment:prod',
          },
        },
      },
    ]);
  });

  it('may only assume the CDK bootstrap roles of both regions', () => {
    const statements = roleStatements(template, logicalId(ci.deployRole));
    expect(statements).toHaveLength(1);
    expect(statements[0]!.actions).toEqual(['sts:AssumeRole']);
    const resources = statements[0]!.resources.join(' ');
    for (const role of ['deploy-role', 'file-publishing-role', 'lookup-role'])
      for (const region of ['eu-central-1', 'us-east-1'])
        expect(
          statements[0]!.resources.some((r) => r.includes(`:role/cdk-hnb659fds-${role}-`) && r.includes(`-${region}"`)),
          `${role} in ${region}`,
        ).toBe(true);
    expect(statements[0]!.resources).toHaveLength(6);
    expect(resources).not.toContain('"*"');
  });

  it('is not part of the app without the githubRepository context, and refuses a malformed one', () => {
    expect(buildTestApp({ webDistPath: null, nagChecks: false }).ci).toBeUndefined();
    expect(() =>
      buildTestApp({ webDistPath: null, nagChecks: false, context: { githubRepository: 'not a repo' } }),
    ).toThrow(/owner\/name/);
  });
});
