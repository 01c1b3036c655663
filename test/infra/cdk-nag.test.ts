import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations, type PolicyViolation } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, temporaryDir } from './support';

/**
 * cdk-nag 3 is a CDK policy-validation plugin: it runs after synthesis, and its findings (errors and
 * warnings alike) go to validation-report.json in the cloud assembly. Acknowledgements are CDK
 * Validations metadata that the pack honours.
 */
interface ValidationReport {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

const awsSolutionsFindings = (report: ValidationReport) =>
  report.pluginReports
    .filter((plugin) => plugin.pluginName === 'AwsSolutions')
    .flatMap((plugin) => plugin.violations)
    .map((v) => `${v.severity} ${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`);

const describeViolations = (violations: PolicyViolation[]) =>
  violations.map(
    (v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
  );

/** Every acknowledgement recorded anywhere in the tree, with the path it was made on. */
function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason })),
  );
}

describe('cdk-nag AwsSolutions on the platform and edge stacks', () => {
  let app: App;
  let report: ValidationReport;

  beforeAll(() => {
    app = buildTestApp().app;
    // In "inmemory" app mode a failing validation plugin makes synth throw with the whole report.
    const assembly = app.synth();
    report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as ValidationReport;
  }, 300_000);

  it('leaves no unacknowledged error or warning in the validation report', () => {
    expect(awsSolutionsFindings(report)).toEqual([]);
  });

  it('finds nothing when the pack is run directly on the synthesised tree', () => {
    const result = new AwsSolutionsChecks().validateScope(app);
    expect(describeViolations(result.violations)).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('acknowledges only with a specific written reason, on a construct, never the whole stack', () => {
    const acks = acknowledgements(app).filter((a) => a.id.startsWith('AwsSolutions-'));
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(80);
      expect(ack.path, ack.id).toMatch(/^(PlatformStack|PlatformEdgeStack)\/.+/);
    }
    // The web ACL is in place (EdgeStack): no promise of one stands in for it.
    expect(acks.map((a) => a.id)).not.toContain('AwsSolutions-CFR2');
    const reasons = new Map<string, Set<string>>();
    for (const ack of acks)
      reasons.set(ack.reason, (reasons.get(ack.reason) ?? new Set()).add(ack.id.replace(/\[.*$/, '')));
    // One reason may cover several findings of the same rule, never different rules.
    for (const [reason, rules] of reasons) expect([...rules], reason).toHaveLength(1);
  });
});

describe('cdk-nag on the prod stage with X-Ray tracing (issue 19 §5, §6)', () => {
  it('synthesises with no unacknowledged finding', () => {
    const app = buildTestApp({ context: { stage: 'prod', tracing: 'true', alarmEmail: 'dyzur@urzad.example.pl' } }).app;
    const assembly = app.synth(); // throws with the report on any finding ("inmemory" app mode)
    const report = JSON.parse(
      readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'),
    ) as ValidationReport;
    expect(awsSolutionsFindings(report)).toEqual([]);
    expect(describeViolations(new AwsSolutionsChecks().validateScope(app).violations)).toEqual([]);
  });
});

describe('the check can fail', () => {
  const throwaway = () => {
    const app = new App({ outdir: temporaryDir('cdk-out-'), context: { '@aws-cdk/core:appMode': 'inmemory' } });
    const stack = new Stack(app, 'Throwaway');
    const bucket = new s3.Bucket(stack, 'PlainBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
    }); // no enforceSSL, no access logs
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    return { app, bucket };
  };

  it('reports AwsSolutions-S10 for a bucket that allows plain HTTP, and synth fails', () => {
    const { app } = throwaway();
    const rules = new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName);
    expect(rules).toContain('AwsSolutions-S10');
    expect(rules).toContain('AwsSolutions-S1');
    expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
  });

  it('an acknowledgement removes exactly the acknowledged rule', () => {
    const { app, bucket } = throwaway();
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S10',
      reason: 'test: proving acknowledgements are honoured',
    });
    const rules = new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName);
    expect(rules).not.toContain('AwsSolutions-S10');
    expect(rules).toContain('AwsSolutions-S1');
  });
});
