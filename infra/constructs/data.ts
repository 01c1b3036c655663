import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { tableDefinition, type KeyAttribute } from '../../shared/store/table';
import type { Stage } from '../settings';

const attribute = (key: KeyAttribute): dynamodb.Attribute => ({
  name: key.name,
  type: key.type === 'N' ? dynamodb.AttributeType.NUMBER : dynamodb.AttributeType.STRING,
});

/**
 * Item reads and writes the application performs (transactions are authorised per item action).
 * Deliberately without Scan: no request path may scan the table, and the roles enforce it.
 */
export const tableDataActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
] as const;

export interface DataTableProps {
  /**
   * prod keeps the table when the stack goes (RETAIN) and refuses deletion outright (deletion
   * protection); a dev table goes with its stack. Both keep point-in-time recovery (35 days) and are
   * in the AWS Backup plan (backup.ts), so a restore drill can run against either.
   */
  readonly stage: Stage;
}

/** The single table, built from shared/store/table.ts so keys and indexes are never typed twice. */
export class DataTable extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    const prod = props.stage === 'prod';
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: attribute(tableDefinition.partitionKey),
      sortKey: attribute(tableDefinition.sortKey),
      globalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      // Survey answers are counted from it (survey-counter.ts); one definition with the local table's.
      dynamoStream: dynamodb.StreamViewType[tableDefinition.stream],
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: prod,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }

  /**
   * Item reads and writes on the table, Query on each named index. The index ARNs are spelled out
   * from tableDefinition, so no `index/*` wildcard is needed.
   */
  grantDataReadWrite(grantee: iam.IGrantable): void {
    const tableArn = this.table.tableArn;
    const policy = grantee.grantPrincipal;
    policy.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [...tableDataActions], resources: [tableArn] }));
    policy.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: tableDefinition.globalIndexes.map((index) => `${tableArn}/index/${index.name}`),
      }),
    );
  }
}
