import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { Stage } from '../settings';
import { acknowledge } from './nag';

/** How long each stage keeps its recovery points (docs/operations.md, "Backup and restore"). */
export const backupRetention: Record<Stage, { daily: Duration; monthly?: Duration }> = {
  // Daily for 35 days (the PITR window again, but outside the table: a deleted table keeps them) and
  // a monthly point for a year, so last edition's data can be found during this one.
  prod: { daily: Duration.days(35), monthly: Duration.days(365) },
  // A dev stage holds demo and test data: a week of dailies is enough to rehearse a restore.
  dev: { daily: Duration.days(7) },
};

/** AWS managed policies that let AWS Backup back up and restore DynamoDB tables and S3 buckets. */
export const backupManagedPolicies = [
  'service-role/AWSBackupServiceRolePolicyForBackup',
  'service-role/AWSBackupServiceRolePolicyForRestores',
  'AWSBackupServiceRolePolicyForS3Backup',
  'AWSBackupServiceRolePolicyForS3Restore',
] as const;

export interface BackupProps {
  readonly stage: Stage;
  readonly table: dynamodb.ITableV2;
  /** The documents bucket (versioned, as AWS Backup for S3 requires). */
  readonly documents: s3.IBucket;
}

/**
 * AWS Backup (issue 19 §6): the table and the documents bucket, daily and (prod) monthly, into a vault
 * encrypted with a key of its own. The table's point-in-time recovery stays on beside it (35 days,
 * to the second); these recovery points are the copies that outlive a deleted table or a bad month.
 * Certificates are not backed up: they are rendered again from the table (deterministic, issue 15).
 * The vault and its key are kept when the stack goes, in both stages: a vault holding recovery
 * points cannot be deleted anyway, and a backup that dies with its stack is no backup.
 */
export class Backup extends Construct {
  readonly key: kms.Key;
  readonly vault: backup.BackupVault;
  readonly plan: backup.BackupPlan;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: BackupProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the AWS Backup vault of the Przyjazny Urzad platform',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.vault = new backup.BackupVault(this, 'Vault', {
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const retention = backupRetention[props.stage];
    const rules = [
      new backup.BackupPlanRule({
        ruleName: 'Daily',
        backupVault: this.vault,
        scheduleExpression: events.Schedule.cron({ hour: '2', minute: '30' }),
        deleteAfter: retention.daily,
      }),
      ...(retention.monthly
        ? [
            new backup.BackupPlanRule({
              ruleName: 'Monthly',
              backupVault: this.vault,
              scheduleExpression: events.Schedule.cron({ day: '1', hour: '3', minute: '30' }),
              deleteAfter: retention.monthly,
            }),
          ]
        : []),
    ];
    this.plan = new backup.BackupPlan(this, 'Plan', { backupVault: this.vault, backupPlanRules: rules });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup: back up and restore the platform table and documents bucket',
      managedPolicies: backupManagedPolicies.map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    for (const name of backupManagedPolicies)
      acknowledge(
        this.role,
        `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${name}]`,
        "AWS Backup's own service-role policies are what AWS documents for its backup role (DynamoDB and S3 backup and restore); the role is assumable by backup.amazonaws.com only, and the selection names the table and the documents bucket alone.",
      );
    this.plan.addSelection('Data', {
      role: this.role,
      disableDefaultBackupPolicy: true,
      resources: [
        backup.BackupResource.fromArn(props.table.tableArn),
        backup.BackupResource.fromArn(props.documents.bucketArn),
      ],
    });
  }
}
