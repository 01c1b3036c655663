import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { repoRoot } from './constructs/bundling';
import { PlatformStack } from './platform-stack';

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
 * The CDK app: one environment-agnostic PlatformStack (synth needs no account, region or
 * credentials) checked by cdk-nag's AwsSolutions pack during synthesis.
 */
export function buildApp(options: BuildAppOptions = {}): { app: App; stack: PlatformStack } {
  const app = new App({
    context: { ...cdkJsonContext(), ...options.context },
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const stack = new PlatformStack(app, 'PlatformStack', {
    description: 'Przyjazny Urzad contest platform: API, jobs worker, data, web front end',
    ...(options.webDistPath !== undefined ? { webDistPath: options.webDistPath } : {}),
  });
  Tags.of(stack).add('project', 'przyjazny-urzad-platform');
  if (options.nagChecks ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

const isEntryPoint = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) buildApp().app.synth();
