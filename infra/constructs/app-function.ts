import { AssetHashType, DockerImage, type Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  buildSplitBundle,
  copyBundledFiles,
  bundlingFor,
  depsLockFilePath,
  lambdaEntries,
  repoRoot,
  splitFunctions,
  type LambdaName,
} from './bundling';
import { acknowledge } from './nag';
import { tracingEnabled } from '../settings';

export interface AppFunctionProps {
  readonly name: LambdaName;
  readonly description: string;
  readonly timeout: Duration;
  readonly memorySize?: number;
  readonly environment?: Record<string, string>;
  /**
   * `NODE_OPTIONS=--enable-source-maps` (readable stack traces in the logs); default on. Node then reads
   * and parses the map of every module it loads, before running it: for the api that cost ~90 ms of
   * every cold start (docs/performance.md), so the api runs without it and its maps are applied offline.
   */
  readonly sourceMaps?: boolean;
  readonly logRetention?: logs.RetentionDays;
}

/** The runtime is pinned, never "latest": the bundle targets node22 and production must run what was tested. */
export const lambdaRuntime = lambda.Runtime.NODEJS_22_X;

/**
 * A Lambda entry point from functions/, bundled locally with esbuild (never Docker), with its own
 * log group and a role that starts with nothing but writing to that log group: every other
 * permission is granted explicitly by the construct that wires it.
 */
export class AppFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.name} function`,
    });
    this.logGroup.grantWrite(this.role);

    // X-Ray active tracing only when asked (context `tracing=true`): off by default for the cold-start budget.
    const tracing = tracingEnabled(this);
    const common = {
      ...(tracing ? { tracing: lambda.Tracing.ACTIVE } : {}),
      description: props.description,
      runtime: lambdaRuntime,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout,
      environment: {
        ...(props.sourceMaps === false ? {} : { NODE_OPTIONS: '--enable-source-maps' }),
        ...props.environment,
      },
      logGroup: this.logGroup,
      role: this.role,
    };
    this.function = splitFunctions.has(props.name)
      ? new lambda.Function(this, 'Function', {
          ...common,
          handler: 'index.handler',
          code: splitBundleCode(lambdaEntries[props.name], props.name),
        })
      : new NodejsFunction(this, 'Function', {
          ...common,
          entry: lambdaEntries[props.name],
          handler: 'handler',
          projectRoot: repoRoot,
          depsLockFilePath,
          bundling: bundlingFor(props.name),
        });
    if (tracing)
      acknowledge(
        this.role,
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions (the X-Ray service authorization reference), so CDK grants them on * and nothing else is granted on *.',
      );
    acknowledge(
      this.function,
      'AwsSolutions-L1',
      'Node.js 22 is pinned on purpose (docs/architecture.md): the esbuild target is node22 (local work and the tests run on Node 20, see README Runtime); moving to a newer runtime is a deliberate upgrade with its own test run, not a side effect of a cdk-lib update.',
    );
  }
}

/**
 * The code of a split function (bundling.ts `splitFunctions`): esbuild runs locally at synth time into
 * the asset's staging folder, which is deployed whole (`index.mjs` + `chunks/`). Never Docker: the
 * image is named only because CDK requires one, and local bundling always succeeds or throws.
 */
function splitBundleCode(entry: string, name: LambdaName): lambda.Code {
  return lambda.Code.fromAsset(repoRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('never-used-bundled-locally'),
      local: {
        tryBundle(outputDir) {
          buildSplitBundle(entry, outputDir);
          copyBundledFiles(name, outputDir);
          return true;
        },
      },
    },
  });
}
