import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll } from 'vitest';
import { buildApp, type BuildAppOptions } from '../../infra/app';

/** Temporary directories made for the current test file; removed when it finishes. */
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

let webBuild: string | undefined;

/**
 * A minimal Vite-like build, so the web deployment is part of what the tests check whether or not
 * web/dist has been built (or is being rebuilt by another suite).
 */
export function fakeWebBuild(): string {
  if (webBuild) return webBuild;
  const dir = temporaryDir('web-dist-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
  webBuild = dir;
  return dir;
}

/**
 * The app as `cdk synth` builds it, into a temporary cloud assembly, in "inmemory" mode so a failing
 * validation throws with the full report.
 */
export function buildTestApp(options: BuildAppOptions = {}) {
  return buildApp({
    webDistPath: fakeWebBuild(),
    outdir: temporaryDir('cdk-out-'),
    ...options,
    context: { '@aws-cdk/core:appMode': 'inmemory', ...options.context },
  });
}

export function logicalId(construct: IConstruct): string {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return element.stack.resolve(element.logicalId) as string;
}

export interface Statement {
  effect: string;
  actions: string[];
  /** Each resource as JSON text, so a test can ask which logical ids it mentions. */
  resources: string[];
  /** The statement's Condition block, if any. */
  conditions?: unknown;
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Every statement a role gets: its inline policies and every AWS::IAM::Policy attached to it. */
export function roleStatements(template: Template, roleId: string): Statement[] {
  type Doc = { Statement: { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown }[] };
  const docs: Doc[] = [];
  const role = template.findResources('AWS::IAM::Role')[roleId];
  if (!role) throw new Error(`No role ${roleId} in the template`);
  for (const inline of asArray(role.Properties.Policies as { PolicyDocument: Doc }[] | undefined))
    docs.push(inline.PolicyDocument);
  for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
    const roles = asArray(policy.Properties.Roles as { Ref?: string }[]);
    if (roles.some((r) => r.Ref === roleId)) docs.push(policy.Properties.PolicyDocument as Doc);
  }
  return docs.flatMap((doc) =>
    doc.Statement.map((s) => ({
      effect: s.Effect,
      actions: asArray(s.Action),
      resources: asArray(s.Resource).map((r) => JSON.stringify(r)),
      ...(s.Condition ? { conditions: s.Condition } : {}),
    })),
  );
}

/** True when an IAM action pattern (`s3:Put*`, `*`) covers `action`. */
export function covers(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return regex.test(action);
}

/** Statements that allow `action` on a resource mentioning `resourceId` (or on every resource). */
export function allows(statements: Statement[], action: string, resourceId: string): Statement[] {
  return statements.filter(
    (s) =>
      s.effect === 'Allow' &&
      s.actions.some((a) => covers(a, action)) &&
      s.resources.some((r) => r.includes(resourceId) || r === '"*"'),
  );
}

/** The sender the template tests configure through CDK context. */
export const testMailFrom = 'Konkurs <konkurs@urzad.example.pl>';

/**
 * The synthesised platform template plus lookups by construct. cdk-nag is off here (cdk-nag.test.ts
 * runs it), so a nag finding does not hide what the template assertions say.
 */
export function synthPlatform(options: BuildAppOptions = {}) {
  const { stack } = buildTestApp({
    nagChecks: false,
    ...options,
    context: { mailFrom: testMailFrom, ...options.context },
  });
  const template = Template.fromStack(stack);
  const id = (construct: IConstruct) => logicalId(construct);
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON of any shape, read by assertions
  const resource = (construct: IConstruct): { Properties: Record<string, any> } =>
    template.toJSON().Resources[id(construct)];
  return { stack, template, id, resource };
}

export type PlatformFixture = ReturnType<typeof synthPlatform>;
