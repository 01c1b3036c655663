/**
 * The organizer's scoring views at the target size (issue 13): an edition of 2,000 applications × 3
 * submitted sheets (150 experts) in DynamoDB Local. Measured: building the progress and disagreement
 * view (shared/reviews/get-scoring-progress.ts — Queries only). Baseline in the same run: merely
 * paging through the same items (the same three Queries, nothing built). Target: ≤ 1.5× the baseline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplicationHeader } from '../../shared/applications/application';
import { headerItem } from '../../shared/applications/application-store';
import { listExpertAssignments } from '../../shared/assignment/assignment-store';
import { commitAssignment } from '../../shared/assignment/commit-assignment';
import { previewAssignment } from '../../shared/assignment/preview-assignment';
import { listMembers } from '../../shared/chapter/chapter-store';
import { memberItem } from '../../shared/chapter/chapter-store';
import { newEdition } from '../../shared/editions/edition';
import { editionItem } from '../../shared/editions/edition-store';
import { sampleQuestionnaire, sampleRubric, sampleSettings } from '../../shared/editions/sample-edition';
import { getScoringProgress } from '../../shared/reviews/get-scoring-progress';
import { rubricCriteria } from '../../shared/reviews/scoring';
import type { ScoreSheet } from '../../shared/reviews/sheet';
import { putDraft, sheetsOfEdition } from '../../shared/reviews/sheet-store';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { ensureTable } from '../../infra/local/ensure-table';
import { localDeps } from '../../infra/local/local-deps';
import { jsonLogger } from '../../shared/platform/logger';
import { median, printTable, round, writeFigures, type Figure } from '../support';

const APPLICATIONS = Number(process.env.BENCH_SCORING_APPLICATIONS ?? 2000);
const EXPERTS = 150;
const K = 3;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5);
const TARGET = 1.5;

/** Runs `work` over `items` with `width` at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export async function scoringBenchmark(): Promise<Figure[]> {
  const db = await startDynamoDbLocal({});
  const blobDir = mkdtempSync(join(tmpdir(), 'bench-scoring-'));
  try {
    const deps = localDeps({ endpoint: db.endpoint, tableName: 'bench-scoring', blobDir, logger: jsonLogger('error') });
    await ensureTable(deps.dynamo, 'bench-scoring');
    const now = deps.clock.now();
    const at = now.toISOString();
    const edition = {
      ...newEdition(sampleSettings(now, { expertsPerApplication: K }), { editionId: deps.ids.newId(), now: at }),
      state: 'review' as const,
      rubric: sampleRubric(),
      questionnaire: sampleQuestionnaire(),
    };
    const { editionId } = edition;
    await deps.store.put(editionItem(edition));
    const voivodeships = ['pomorskie', 'mazowieckie', 'małopolskie', 'śląskie', 'lubelskie'] as const;
    const experts = Array.from({ length: EXPERTS }, (_, i) => ({ userId: deps.ids.newId(), i }));
    await inParallel(experts, 16, ({ userId, i }) =>
      deps.store.put(
        memberItem({
          editionId,
          userId,
          displayName: `Ekspert ${i}`,
          email: `ekspert${i}@bench.example.org`,
          language: 'pl',
          minLoad: 0,
          maxLoad: Math.ceil((APPLICATIONS * K) / EXPERTS) + 5,
          expertise: [],
          preferredCategories: [],
          chair: false,
          workplace: { voivodeship: voivodeships[i % 5]!, county: `powiat E${i}`, commune: `gmina E${i}` },
          addedAt: at,
          version: 1,
        }),
      ),
    );
    const headers: ApplicationHeader[] = Array.from({ length: APPLICATIONS }, (_, i) => ({
      applicationId: deps.ids.newId(),
      editionId,
      institutionId: deps.ids.newId(),
      institution: {
        name: `Urząd Gminy ${i}`,
        nip: String(1000000000 + i),
        type: 'municipal_office',
        voivodeship: voivodeships[i % 5]!,
        headcount: '41-100',
      },
      status: 'accepted',
      createdAt: at,
      createdBy: 'bench',
      updatedAt: at,
      submittedAt: at,
      version: 3,
    }));
    await inParallel(headers, 16, (h) => deps.store.put(headerItem(h)));
    const caller = {
      principal: {
        kind: 'user' as const,
        userId: 'bench-organizer',
        roles: ['organizer' as const],
        active: true,
        email: 'o@bench',
        displayName: 'Organizator (bench)',
      },
      ip: '127.0.0.1',
      userAgent: 'bench',
    };
    const { previewId } = await previewAssignment(deps, { editionId, mode: 'full' });
    await commitAssignment(deps, { editionId, mode: 'full', previewId, caller });
    await deps.jobs.drain();
    const { experts: assigned } = await listExpertAssignments(deps.store, editionId);
    const criteria = rubricCriteria(edition.rubric);
    const sheets: ScoreSheet[] = assigned.flatMap((x) =>
      x.pairs.map((p, n) => ({
        scores: Object.fromEntries(criteria.map((c, j) => [c.code, (n + j + x.pairs.length) % (c.maxPoints + 1)])),
        areaJustifications: Object.fromEntries(edition.rubric.areas.map((a) => [a.code, 'Uzasadnienie '.repeat(8)])),
        criterionJustifications: {},
        feedback: 'Informacja zwrotna dla instytucji. '.repeat(4),
        privateNote: '',
        contacts: {},
        editionId,
        applicationId: p.applicationId,
        expertId: x.userId,
        status: 'submitted',
        version: 2,
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
      })),
    );
    await inParallel(sheets, 16, (s) => putDraft(deps.store, s, 0));

    const page = async () => {
      const [a, s, m] = await Promise.all([
        listExpertAssignments(deps.store, editionId),
        sheetsOfEdition(deps.store, editionId),
        listMembers(deps.store, editionId),
      ]);
      return a.experts.length + s.length + m.length;
    };
    const build = async () => (await getScoringProgress(deps, { editionId })).applications.length;
    // Warm both paths, then interleave the samples so drift hits both alike.
    const items = await page();
    const built = await build();
    const pageMs: number[] = [];
    const buildMs: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      let t = performance.now();
      await page();
      pageMs.push(performance.now() - t);
      t = performance.now();
      await build();
      buildMs.push(performance.now() - t);
    }
    const baseline = median(pageMs);
    const value = median(buildMs);
    const ratio = round(value / baseline);
    printTable(
      `Scoring views: ${APPLICATIONS} applications × ${K} submitted sheets, ${EXPERTS} experts (median of ${SAMPLES}, DynamoDB Local)`,
      ['what', 'items read', 'median ms', 'ratio to paging', 'target'],
      [
        ['page through assignment + sheets + chapter (baseline)', items, round(baseline, 0), '1.00', ''],
        [
          'progress + disagreement view (get-scoring-progress)',
          `${built} applications`,
          round(value, 0),
          ratio.toFixed(2),
          `≤ ${TARGET}`,
        ],
      ],
    );
    const figures: Figure[] = [
      {
        benchmark: 'scoring',
        name: `progress and disagreements, ${APPLICATIONS}×${K}`,
        value: round(value, 0),
        unit: 'ms',
        baseline: round(baseline, 0),
        ratio,
        target: TARGET,
        ok: ratio <= TARGET,
      },
    ];
    writeFigures('scoring', figures);
    return figures;
  } finally {
    await db.stop();
    rmSync(blobDir, { recursive: true, force: true });
  }
}
