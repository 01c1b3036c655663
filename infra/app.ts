import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { repoRoot } from './constructs/bundling';
import { CiStack } from './ci-stack';
import { EdgeStack } from './edge-stack';
import { PlatformStack } from './platform-stack';
import { contextString, defaultRegion, domainSettings, edgeRegion, stageOf, stageStackName } from './settings';

export interface BuildAppOptions {
  /** Extra CDK context (e.g. `mailFrom`), on top of cdk.json's. */
  readonly context?: Record<string, unknown>;
  /** Built SPA to deploy; `null` for none. Defaults to the `webDist` context value, else web/dist. */
  readonly webDistPath?: string | null;
  /** Cloud assembly directory; defaults to the CLI's, or a temporary one. */
  readonly outdir?: string;
  /**
   * Run cdk-nag's AwsSolutions pack during synthesis (default true). Template tests turn it off so a
   * nag finding fails the nag test alone instead of every template assertion.
   */
  readonly nagChecks?: boolean;
}

/** cdk.json's context, so an app built in a test sees the same feature flags as `cdk synth`. */
function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

/**
 * The CDK app: PlatformStack in context `region` (default eu-central-1) and EdgeStack in us-east-1
 * (web ACL, certificate), which CloudFront requires. Both have a concrete region, as cross-region
 * references need; the account is the CLI's (CDK_DEFAULT_ACCOUNT) or unknown, so synth needs no
 * credentials. cdk-nag's AwsSolutions pack checks both during synthesis.
 *
 * Context `stage` (dev, the default, or prod) names the CloudFormation stacks (`PlatformStack-dev`…),
 * so both stages can share an account, while the construct ids `cdk deploy` selects stay the same.
 */
export function buildApp(options: BuildAppOptions = {}): {
  app: App;
  stack: PlatformStack;
  edge: EdgeStack;
  ci: CiStack | undefined;
} {
  const app = new App({
    context: { ...cdkJsonContext(), ...options.context },
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = contextString(app, 'region') ?? defaultRegion;
  const domain = domainSettings(app);
  const stage = stageOf(app);
  const edge = new EdgeStack(app, 'PlatformEdgeStack', {
    description: `Przyjazny Urzad contest platform (${stage}): CloudFront web ACL and certificate (us-east-1)`,
    stackName: stageStackName('PlatformEdgeStack', stage),
    env: { account, region: edgeRegion },
    stage,
    ...(domain ? { domain } : {}),
  });
  const stack = new PlatformStack(app, 'PlatformStack', {
    description: `Przyjazny Urzad contest platform (${stage}): API, jobs worker, data, web front end`,
    stackName: stageStackName('PlatformStack', stage),
    env: { account, region },
    stage,
    edge,
    ...(domain ? { domain } : {}),
    ...(options.webDistPath !== undefined ? { webDistPath: options.webDistPath } : {}),
  });
  // Deployed once per account by an administrator, never by the pipeline it serves (docs/operations.md).
  const repository = contextString(app, 'githubRepository');
  const ci = repository
    ? new CiStack(app, 'PlatformCiStack', {
        description: 'Przyjazny Urzad contest platform: GitHub Actions OIDC deploy role',
        env: { account, region },
        repository,
        environment: contextString(app, 'githubEnvironment') ?? 'dev',
      })
    : undefined;
  for (const s of [edge, stack, ...(ci ? [ci] : [])]) Tags.of(s).add('project', 'przyjazny-urzad-platform');
  for (const s of [edge, stack]) Tags.of(s).add('stage', stage);
  if (options.nagChecks ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, edge, ci };
}

const isEntryPoint = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) buildApp().app.synth();
