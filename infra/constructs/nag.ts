import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag 3 reads acknowledgements from CDK's own Validations metadata. Each acknowledgement sits on
 * the narrowest construct it concerns and carries a reason specific to this system.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** The logical id CloudFormation sees, resolved now (granular cdk-nag findings name it). */
export function logicalIdOf(element: CfnElement): string {
  return Stack.of(element).resolve(element.logicalId) as string;
}

/** The AwsSolutions-IAM5 finding produced by a statement on every object of `bucket`. */
export function objectWildcardFinding(bucket: IBucket): string {
  return `AwsSolutions-IAM5[Resource::<${logicalIdOf(bucket.node.defaultChild as CfnElement)}.Arn>/*]`;
}
