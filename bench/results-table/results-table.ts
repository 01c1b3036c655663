/**
 * The results of an edition at the acceptance size (issue 14): 1,000 accepted applications × 3
 * submitted sheets (100 experts, a harsh and a lenient third among them) in DynamoDB Local, seeded
 * by batch writes. Measured: what the organizer's results tab computes — `loadResultsInput` (the
 * applications, the committed assignment, the sheets, the decisions and the deliberation, Queries
 * only) + `resultsTable` (raw and calibrated aggregation, ranking per category, outcomes,
 * disagreements), i.e. `getResults` minus the chapter's names. Baseline in the same run: merely
 * reading the same sheets (`sheetsOfEdition`, one Query of gsi1). Target: ≤ 1.5× the baseline.
 * (The folder is not `bench/results/`: that one is git-ignored, it holds latest.json.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApplicationHeader } from '../../shared/applications/application';
import { headerItem } from '../../shared/applications/application-store';
import { listExpertAssignments } from '../../shared/assignment/assignment-store';
import { commitAssignment } from '../../shared/assignment/commit-assignment';
import { previewAssignment } from '../../shared/assignment/preview-assignment';
import { memberItem } from '../../shared/chapter/chapter-store';
import { type Edition, newEdition } from '../../shared/editions/edition';
import { editionItem, getEdition } from '../../shared/editions/edition-store';
import { sampleQuestionnaire, sampleRubric, sampleSettings } from '../../shared/editions/sample-edition';
import { headcountBrackets } from '../../shared/institutions/institution';
import { loadResultsInput } from '../../shared/results/results-input';
import { resultsTable } from '../../shared/results/results-table';
import { rubricCriteria } from '../../shared/reviews/scoring';
import type { ScoreSheet, Tick } from '../../shared/reviews/sheet';
import { sheetItem, sheetsOfEdition } from '../../shared/reviews/sheet-store';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { ensureTable } from '../../infra/local/ensure-table';
import { type LocalDeps, localDeps } from '../../infra/local/local-deps';
import { jsonLogger } from '../../shared/platform/logger';
import { median, printTable, round, writeFigures, type Figure } from '../support';

const APPLICATIONS = Number(process.env.BENCH_RESULTS_APPLICATIONS ?? 1000);
const EXPERTS = 100;
const K = 3;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5);
const TARGET = 1.5;
export const TABLE = 'bench-results';

/** Writes items 25 per BatchWriteItem (the API's limit), eight requests at a time, retrying unprocessed ones. */
async function batchPut(doc: DynamoDBDocumentClient, items: Record<string, unknown>[]) {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < chunks.length) {
        let requests = chunks[next++]!.map((Item) => ({ PutRequest: { Item } }));
        while (requests.length > 0) {
          const out = await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests } }));
          requests = (out.UnprocessedItems?.[TABLE] ?? []).flatMap((r) =>
            r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : [],
          );
        }
      }
    }),
  );
}

/** A deterministic 0…1 from two numbers (no Math.random: every run seeds the same edition). */
const noise = (a: number, b: number) => {
  const x = Math.sin(a * 12.9898 + b * 78.233) * 43_758.5453;
  return x - Math.floor(x);
};

/** Seeds the edition (in deliberation, assignment committed, every sheet submitted); returns its id. */
export async function seedResultsEdition(deps: LocalDeps): Promise<string> {
  const doc = DynamoDBDocumentClient.from(deps.dynamo, { marshallOptions: { removeUndefinedValues: true } });
  try {
    const now = deps.clock.now();
    const at = now.toISOString();
    const edition: Edition = {
      ...newEdition(
        sampleSettings(now, {
          expertsPerApplication: K,
          results: { categories: { by: 'headcount' }, publishScores: false, aggregation: 'mean' },
        }),
        { editionId: deps.ids.newId(), now: at },
      ),
      state: 'review',
      rubric: sampleRubric(),
      questionnaire: sampleQuestionnaire(),
    };
    const { editionId } = edition;
    await deps.store.put(editionItem(edition));
    const voivodeships = ['pomorskie', 'mazowieckie', 'małopolskie', 'śląskie', 'lubelskie'] as const;
    const experts = Array.from({ length: EXPERTS }, (_, i) => ({ userId: deps.ids.newId(), i }));
    await batchPut(
      doc,
      experts.map(({ userId, i }) =>
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
        headcount: headcountBrackets[i % headcountBrackets.length]!,
      },
      status: 'accepted',
      createdAt: at,
      createdBy: 'bench',
      updatedAt: at,
      submittedAt: at,
      version: 3,
    }));
    await batchPut(doc, headers.map(headerItem));
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

    // Each application has a quality level; each expert a bias (a third harsh, a third lenient).
    const level = new Map(headers.map((h, i) => [h.applicationId, 2 + 7 * noise(i, 1)]));
    const bias = new Map(experts.map(({ userId, i }) => [userId, (i % 3) - 1]));
    const criteria = rubricCriteria(edition.rubric);
    const channels = edition.rubric.mysteryShopper.channels;
    const { experts: assigned } = await listExpertAssignments(deps.store, editionId);
    const sheets: ScoreSheet[] = assigned.flatMap((x, e) =>
      x.pairs.map((p, n) => {
        const base = (level.get(p.applicationId) ?? 5) + (bias.get(x.userId) ?? 0);
        const score = (j: number, max: number) =>
          Math.max(0, Math.min(max, Math.round(base + 2 * noise(e * 1000 + n, j) - 1)));
        const tick = (j: number): Tick => (base + noise(n, j) * 3 > 8 ? 'met' : base > 4 ? 'partly' : 'notMet');
        return {
          scores: Object.fromEntries(criteria.map((c, j) => [c.code, score(j, c.maxPoints)])),
          areaJustifications: Object.fromEntries(edition.rubric.areas.map((a) => [a.code, 'Uzasadnienie '.repeat(8)])),
          criterionJustifications: {},
          feedback: 'Informacja zwrotna dla instytucji. '.repeat(4),
          privateNote: '',
          contacts: Object.fromEntries(
            channels.map((ch, j) => [
              ch.channel,
              { at, notes: 'Kontakt sprawdzony.', ticks: Object.fromEntries(ch.items.map((i) => [i.code, tick(j)])) },
            ]),
          ),
          editionId,
          applicationId: p.applicationId,
          expertId: x.userId,
          status: 'submitted',
          version: 2,
          createdAt: at,
          updatedAt: at,
          submittedAt: at,
        };
      }),
    );
    await batchPut(doc, sheets.map(sheetItem));
    await deps.store.put(editionItem({ ...edition, state: 'deliberation', version: edition.version + 1 }));
    return editionId;
  } finally {
    doc.destroy();
  }
}

export async function resultsTableBenchmark(): Promise<Figure[]> {
  const db = await startDynamoDbLocal({});
  const blobDir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  try {
    const deps = localDeps({ endpoint: db.endpoint, tableName: TABLE, blobDir, logger: jsonLogger('error') });
    await ensureTable(deps.dynamo, TABLE);
    const editionId = await seedResultsEdition(deps);
    const read = async () => (await sheetsOfEdition(deps.store, editionId)).length;
    const compute = async () => {
      const current = await getEdition(deps.store, editionId);
      const { input } = await loadResultsInput(deps, current);
      return resultsTable(input).categories.reduce((n, c) => n + c.rows.length, 0);
    };
    // Warm both paths, then interleave the samples so drift hits both alike.
    const items = await read();
    const rows = await compute();
    const readMs: number[] = [];
    const computeMs: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      let t = performance.now();
      await read();
      readMs.push(performance.now() - t);
      t = performance.now();
      await compute();
      computeMs.push(performance.now() - t);
    }
    const baseline = median(readMs);
    const value = median(computeMs);
    const ratio = round(value / baseline);
    printTable(
      `Results: ${APPLICATIONS} applications × ${K} submitted sheets, ${EXPERTS} experts (median of ${SAMPLES}, DynamoDB Local)`,
      ['what', 'items', 'median ms', 'ratio to reading', 'target', 'ok'],
      [
        ['read the sheets (sheetsOfEdition, baseline)', `${items} sheets`, round(baseline, 0), '1.00', '', ''],
        [
          'compute the results (loadResultsInput + resultsTable)',
          `${rows} ranked applications`,
          round(value, 0),
          ratio.toFixed(2),
          `≤ ${TARGET}`,
          ratio <= TARGET ? 'yes' : 'NO',
        ],
      ],
    );
    const figures: Figure[] = [
      {
        benchmark: 'results',
        name: `results table, ${APPLICATIONS}×${K}`,
        value: round(value, 0),
        unit: 'ms',
        baseline: round(baseline, 0),
        ratio,
        target: TARGET,
        ok: ratio <= TARGET,
      },
    ];
    writeFigures('results', figures);
    return figures;
  } finally {
    await db.stop();
    rmSync(blobDir, { recursive: true, force: true });
  }
}
