import { toHeader } from '../applications/application-store';
import type { ApplicationStatus } from '../applications/application';
import type { Institution } from '../institutions/institution';
import type { Store } from '../store/store';
import { keys } from '../store/keys';
import { AppError } from '../errors';
import {
  defaultAssignmentSettings,
  type AssignmentSettings,
  type ChapterMember,
  type InstitutionPlace,
  type StoredConflict,
} from './chapter';

/** The chapter's items, all in the edition's partition (docs/data-model.md). */

export function memberItem(m: ChapterMember) {
  return {
    ...keys.chapterMember(m.editionId, m.userId),
    gsi1pk: keys.expertChapters(m.userId),
    gsi1sk: m.editionId,
    entity: 'chapterMember',
    ...m,
  };
}

export function toMember(item: Record<string, unknown>): ChapterMember {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, entity: _e, ...rest } = item;
  return rest as unknown as ChapterMember;
}

export async function listMembers(store: Store, editionId: string, consistent = false): Promise<ChapterMember[]> {
  const items = await store.queryAll({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: keys.chapterPrefix,
    consistent,
  });
  return items.map(toMember);
}

export async function findMember(
  store: Store,
  editionId: string,
  userId: string,
  consistent = false,
): Promise<ChapterMember | null> {
  const item = await store.get(keys.chapterMember(editionId, userId), { consistent });
  return item ? toMember(item) : null;
}

export async function getMember(
  store: Store,
  editionId: string,
  userId: string,
  consistent = false,
): Promise<ChapterMember> {
  const member = await findMember(store, editionId, userId, consistent);
  if (!member)
    throw new AppError('NOT_FOUND', 'Not a chapter member', {
      detail: {
        pl: 'Ta osoba nie należy do kapituły tej edycji.',
        en: 'This person is not on this edition’s chapter.',
      },
    });
  return member;
}

export async function getAssignmentSettings(
  store: Store,
  editionId: string,
  consistent = false,
): Promise<AssignmentSettings> {
  const item = await store.get(keys.assignmentSettings(editionId), { consistent });
  if (!item) return defaultAssignmentSettings;
  const { pk: _pk, sk: _sk, entity: _e, ...rest } = item;
  return rest as unknown as AssignmentSettings;
}

export function conflictItem(editionId: string, c: StoredConflict) {
  return { ...keys.conflict(editionId, c.userId, c.institutionId), entity: 'conflict', ...c };
}

export async function listConflicts(store: Store, editionId: string, userId?: string): Promise<StoredConflict[]> {
  const items = await store.queryAll({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: userId ? keys.conflictsOf(userId) : keys.conflictPrefix,
    consistent: true,
  });
  return items.map(
    ({ userId: u, institutionId, source, reason, createdAt, createdBy }) =>
      ({ userId: u, institutionId, source, reason, createdAt, createdBy }) as StoredConflict,
  );
}

/** An expert's bid on an application. */
export const bidItem = (editionId: string, userId: string, applicationId: string, value: number, at: string) => ({
  ...keys.bid(editionId, userId, applicationId),
  entity: 'bid',
  userId,
  applicationId,
  value,
  updatedAt: at,
});

export async function listBids(
  store: Store,
  editionId: string,
  userId?: string,
): Promise<{ userId: string; applicationId: string; value: number }[]> {
  const items = await store.queryAll({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: userId ? keys.bidsOf(userId) : keys.bidPrefix,
  });
  return items.map((i) => ({
    userId: String(i.userId),
    applicationId: String(i.applicationId),
    value: Number(i.value),
  }));
}

/** Statuses whose applications are reviewed (and so assigned and bid on). */
export const assignableStatuses: readonly ApplicationStatus[] = ['submitted', 'accepted'];

/**
 * The edition's assignable applications with where each institution is (the rules need the commune
 * and county, which the application's snapshot does not carry): gsi2 by status, then BatchGet.
 */
export async function listAssignable(
  store: Store,
  editionId: string,
): Promise<{ applicationId: string; institution: InstitutionPlace }[]> {
  const headers = (
    await Promise.all(
      assignableStatuses.map((s) =>
        store.queryAll({ index: 'gsi2', partitionKey: keys.editionApplications(editionId), sortKeyPrefix: `${s}#` }),
      ),
    )
  )
    .flat()
    .map(toHeader);
  const found = await store.batchGet<Institution & Record<string, unknown>>(
    headers.map((h) => keys.institution(h.institutionId)),
  );
  const institutions = new Map<string, Institution>(found.map((i) => [i.institutionId, i]));
  return headers.map((h) => {
    const inst = institutions.get(h.institutionId);
    return {
      applicationId: h.applicationId,
      institution: {
        institutionId: h.institutionId,
        name: h.institution.name,
        nip: h.institution.nip,
        type: h.institution.type,
        voivodeship: inst?.address.voivodeship ?? h.institution.voivodeship,
        county: inst?.address.county ?? '',
        commune: inst?.address.commune ?? '',
      },
    };
  });
}
