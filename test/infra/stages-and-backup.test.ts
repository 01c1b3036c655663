import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupManagedPolicies } from '../../infra/constructs/backup';
import { repoRoot } from '../../infra/constructs/bundling';
import { buildTestApp, logicalId, testMailFrom } from './support';

/** Issue 19 §6: dev and prod stages side by side, their removal policies, and the AWS Backup plan. */
const build = (stage?: string, extra: Record<string, unknown> = {}) => {
  const built = buildTestApp({
    nagChecks: false,
    context: { mailFrom: testMailFrom, ...(stage ? { stage } : {}), ...extra },
  });
  return { ...built, template: Template.fromStack(built.stack) };
};
type Built = ReturnType<typeof build>;

let dev: Built;
let prod: Built;
beforeAll(() => {
  dev = build();
  prod = build('prod');
}, 300_000);

describe('stages (context stage)', () => {
  it('dev is the default; stack names carry the stage, construct ids (what cdk deploy selects) do not', () => {
    expect(dev.stack.stage).toBe('dev');
    expect([dev.stack.stackName, dev.edge.stackName]).toEqual(['PlatformStack-dev', 'PlatformEdgeStack-dev']);
    expect([prod.stack.stackName, prod.edge.stackName]).toEqual(['PlatformStack-prod', 'PlatformEdgeStack-prod']);
    for (const b of [dev, prod])
      expect([b.stack.node.id, b.edge.node.id]).toEqual(['PlatformStack', 'PlatformEdgeStack']);
  });

  it('refuses any other stage at synth', () => {
    expect(() => build('staging')).toThrow(/"stage" must be one of dev, prod/);
    expect(() => build('Prod')).toThrow(/"stage"/);
  });

  it('prod retains the table with deletion protection; dev lets it go with the stack; both keep PITR', () => {
    const table = (b: Built) => b.template.toJSON().Resources[logicalId(b.stack.data.table)];
    expect(table(prod)).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(table(dev)).toMatchObject({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    for (const [b, protectedTable] of [
      [prod, true],
      [dev, false],
    ] as const)
      b.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: protectedTable,
          }),
        ],
      });
  });

  it('buckets are retained in both stages (no auto-delete custom resource)', () => {
    for (const b of [dev, prod]) {
      const buckets = Object.values(b.template.findResources('AWS::S3::Bucket'));
      expect(buckets.length).toBeGreaterThan(0);
      for (const bucket of buckets) expect(bucket.DeletionPolicy).toBe('Retain');
      expect(Object.keys(b.template.findResources('Custom::S3AutoDeleteObjects'))).toEqual([]);
    }
  });

  it('the pipeline deploys dev from main and prod from a tag, each naming its stage', () => {
    const workflow = readFileSync(join(repoRoot, '.github/workflows/deploy.yml'), 'utf8');
    const job = (name: string) => workflow.slice(workflow.indexOf(`  ${name}:`)).split(/\n {2}\S/)[0]!;
    for (const [name, stage] of [
      ['deploy-dev', 'dev'],
      ['deploy-prod', 'prod'],
    ] as const) {
      const commands = job(name)
        .split('\n')
        .filter((line) => /npx cdk (diff|deploy)/.test(line));
      expect(commands, name).toHaveLength(2);
      for (const command of commands) {
        expect(command).toContain('PlatformEdgeStack PlatformStack');
        expect(command).toContain(`-c stage=${stage}`);
      }
    }
  });
});

describe('AWS Backup', () => {
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON
  const rules = (b: Built): any[] => {
    const [plan] = Object.values(b.template.findResources('AWS::Backup::BackupPlan'));
    return plan!.Properties.BackupPlan.BackupPlanRule;
  };

  it('a vault encrypted with its own rotating key, kept when the stack goes', () => {
    for (const b of [dev, prod]) {
      const vault = b.template.toJSON().Resources[logicalId(b.stack.backup.vault)];
      expect(vault.DeletionPolicy).toBe('Retain');
      expect(vault.Properties.EncryptionKeyArn).toEqual({ 'Fn::GetAtt': [logicalId(b.stack.backup.key), 'Arn'] });
      b.template.hasResource('AWS::KMS::Key', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({ EnableKeyRotation: true }),
      });
    }
  });

  it('prod: daily kept 35 days and monthly kept a year; dev: daily kept 7 days', () => {
    const vaultRef = (b: Built) => ({ 'Fn::GetAtt': [logicalId(b.stack.backup.vault), 'BackupVaultName'] });
    expect(rules(prod)).toEqual([
      expect.objectContaining({
        RuleName: 'Daily',
        ScheduleExpression: 'cron(30 2 * * ? *)',
        Lifecycle: { DeleteAfterDays: 35 },
        TargetBackupVault: vaultRef(prod),
      }),
      expect.objectContaining({
        RuleName: 'Monthly',
        ScheduleExpression: 'cron(30 3 1 * ? *)',
        Lifecycle: { DeleteAfterDays: 365 },
        TargetBackupVault: vaultRef(prod),
      }),
    ]);
    expect(rules(dev)).toEqual([
      expect.objectContaining({
        RuleName: 'Daily',
        Lifecycle: { DeleteAfterDays: 7 },
        TargetBackupVault: vaultRef(dev),
      }),
    ]);
  });

  it('selects exactly the table and the documents bucket (versioned), with a role AWS Backup alone assumes', () => {
    const [selection] = Object.values(prod.template.findResources('AWS::Backup::BackupSelection'));
    const spec = selection!.Properties.BackupSelection;
    expect(spec.Resources).toEqual([
      { 'Fn::GetAtt': [logicalId(prod.stack.data.table), 'Arn'] },
      { 'Fn::GetAtt': [logicalId(prod.stack.storage.documents), 'Arn'] },
    ]);
    const documents = prod.template.toJSON().Resources[logicalId(prod.stack.storage.documents)];
    expect(documents.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(spec.IamRoleArn).toEqual({ 'Fn::GetAtt': [logicalId(prod.stack.backup.role), 'Arn'] });
    const role = prod.template.toJSON().Resources[logicalId(prod.stack.backup.role)].Properties;
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Principal: { Service: 'backup.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    ]);
    expect(JSON.stringify(role.ManagedPolicyArns)).toContain('AWSBackupServiceRolePolicyForS3Backup');
    expect(role.ManagedPolicyArns).toHaveLength(backupManagedPolicies.length);
  });
});
