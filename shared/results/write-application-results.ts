import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { sha256Hex } from './snapshot';
import { findInstitutions } from '../institutions/institution-store';
import { laureateFee } from './fees';
import { movement } from './movement';
import { previousEditionOf, previousPlaces } from './previous-places';
import type { ApplicationResult } from './results';
import { loadResultsInput } from './results-input';
import { resultMailBatch } from './results-job';
import { sendResultMails } from './send-result-mails';
import {
  findDeliberation,
  findVersion,
  listAllVersions,
  listEditionResults,
  putApplicationResults,
} from './results-store';
import { areaMedians, resultsTable } from './results-table';
import { compareCodeUnits } from '../text/polish-order';

export type WriteResultsDeps = Pick<Deps, 'store' | 'logger' | 'mail' | 'settings'>;

/**
 * The worker's part of a publication (issue 14 §6, §7): every application's own result — outcome, place,
 * per-area % beside the edition's median, the experts' feedback without names, the laureate's fee —
 * written idempotently, then the result mails sent in batches of fifty (for a correction, only to those
 * whose outcome changed). A job for a version that is no longer the newest does nothing.
 */
export async function writeApplicationResults(deps: WriteResultsDeps, job: { editionId: string; version: number }) {
  const [edition, deliberation, record] = await Promise.all([
    getEdition(deps.store, job.editionId, true),
    findDeliberation(deps.store, job.editionId, true),
    findVersion(deps.store, job.editionId, job.version, true),
  ]);
  if (!record || deliberation?.published?.version !== job.version) {
    deps.logger.info('results job skipped: not the newest version', { editionId: job.editionId, version: job.version });
    return { written: 0, mails: 0 };
  }
  const [{ input }, before, versions] = await Promise.all([
    loadResultsInput(deps, edition, deliberation),
    listEditionResults(deps.store, job.editionId),
    listAllVersions(deps.store),
  ]);
  const table = resultsTable(input);
  const medians = areaMedians(table);
  const rows = table.categories.flatMap((c) =>
    c.rows.map((r) => ({ row: r, category: c.category, size: c.rows.length })),
  );
  const ids = rows.map((r) => r.row.institutionId);
  const [institutions, places] = await Promise.all([
    findInstitutions(deps.store, ids),
    previousPlaces(deps.store, edition, ids),
  ]);
  const towns = new Map(institutions.map((i) => [i.institutionId, i.address.city]));
  // The newest version of every other edition, to find the previous edition's laureates (fee discount).
  const newest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if ((newest.get(v.editionId)?.version ?? 0) < v.version) newest.set(v.editionId, v);
  const previous = previousEditionOf(
    edition,
    [...newest.values()].map((v) => ({ ...v, year: v.snapshot.edition.year, publishedAt: v.snapshot.publishedAt })),
  );
  const previousLaureates = new Set(
    previous?.snapshot.categories.flatMap((c) => c.laureates.map((l) => l.institutionId)) ?? [],
  );
  const sheets = input.sheets;
  const feedbackOf = new Map<string, string[]>();
  for (const s of sheets) {
    const text = s.feedback.trim();
    if (text) feedbackOf.set(s.applicationId, [...(feedbackOf.get(s.applicationId) ?? []), text]);
  }
  const results: ApplicationResult[] = rows.map(({ row, category, size }) => {
    const returning = previousLaureates.has(row.institutionId);
    return {
      applicationId: row.applicationId,
      editionId: edition.editionId,
      institutionId: row.institutionId,
      institution: {
        name: row.name,
        nip: row.nip,
        type: row.type,
        headcount: row.headcount,
        town: towns.get(row.institutionId) ?? '',
      },
      edition: { name: edition.name, number: edition.number, year: edition.year },
      snapshotVersion: record.version,
      sha256: record.sha256,
      publishedAt: record.snapshot.publishedAt,
      category,
      outcome: row.outcome,
      ...(row.outcome === 'distinction' && row.decision?.reason ? { distinctionReason: row.decision.reason } : {}),
      percent: row.percent,
      place: row.place,
      exAequo: row.exAequo,
      categorySize: size,
      movement: movement(places.get(row.institutionId), row.place),
      areas: edition.rubric.areas.map((a) => ({
        code: a.code,
        name: a.name,
        percent: row.areaPercents[a.code] ?? 0,
        editionMedian: medians[a.code] ?? 0,
      })),
      // Ordered by a hash of the text: stable, and unrelated to who wrote it or when.
      feedback: [...(feedbackOf.get(row.applicationId) ?? [])].sort((a, b) =>
        compareCodeUnits(sha256Hex(a), sha256Hex(b)),
      ),
      ...(row.outcome !== 'notAwarded' ? { validUntil: record.snapshot.validUntil } : {}),
      ...(row.outcome === 'laureate'
        ? { fee: laureateFee(edition.fees, row.headcount, returning), returningLaureate: returning }
        : {}),
    };
  });
  await putApplicationResults(deps.store, results);
  const was = new Map(before.map((r) => [r.applicationId, r.outcome]));
  const toMail = results
    .filter((r) => job.version === 1 || was.get(r.applicationId) !== r.outcome)
    .map((r) => r.applicationId);
  let mails = 0;
  for (let i = 0; i < toMail.length; i += resultMailBatch) {
    const { sent } = await sendResultMails(deps, {
      editionId: edition.editionId,
      version: job.version,
      results: results.filter((r) => toMail.slice(i, i + resultMailBatch).includes(r.applicationId)),
    });
    mails += sent;
  }
  return { written: results.length, mails };
}
