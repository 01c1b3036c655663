import * as z from 'zod/mini';
import type { ApplicationStatus } from '../applications/application';
import { toHeader } from '../applications/application-read-store';
import type { AssignmentHead } from '../assignment/assignment';
import { assignmentChanged, headUpdate } from '../assignment/assignment-store';
import type { NewAuditEntry } from '../audit/audit';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { AppError, isAppError } from '../errors';
import { Address } from '../institutions/institution';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Condition, type Store, tx } from '../store/store';
import { AssignmentSettings, type ChapterMember, defaultAssignmentSettings, type InstitutionPlace } from './chapter';
import { toMember } from './member-store';

export { findMember, getMember } from './member-store';

/**
 * The chapter's members, the assignment settings and the assignable applications — every key,
 * condition and transaction item of them (docs/data-model.md, patterns 24–26, 29, 33). Conflicts
 * and bids are in conflict-store.ts. Writes that feed the assignment move its head too, so a commit
 * computed before them fails instead of landing after them.
 */

type WriteDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

/** The write happens only if the item is still at `version` (0: does not exist yet). */
const versionIs = (version: number): Condition =>
  version === 0
    ? { expression: 'attribute_not_exists(pk)' }
    : { expression: '#v = :v', names: { '#v': 'version' }, values: { ':v': version } };

export function memberItem(m: ChapterMember) {
  return {
    ...keys.chapterMember(m.editionId, m.userId),
    gsi1pk: keys.expertChapters(m.userId),
    gsi1sk: m.editionId,
    entity: 'chapterMember',
    ...m,
  };
}

export const memberChanged = (cause?: unknown) =>
  new AppError('STALE_VERSION', 'Member changed meanwhile', {
    cause,
    detail: {
      pl: 'Ktoś zmienił tego członka kapituły w międzyczasie. Odśwież stronę.',
      en: 'Someone changed this chapter member meanwhile. Refresh the page.',
    },
  });

export async function listMembers(store: Store, editionId: string, consistent = false): Promise<ChapterMember[]> {
  const items = await store.queryAll({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: keys.chapterPrefix,
    consistent,
  });
  return items.map(toMember);
}

/** The chapters an expert sits on, one membership per edition (gsi1). */
export async function listMemberships(store: Store, userId: string): Promise<ChapterMember[]> {
  const items = await store.queryAll({ index: 'gsi1', partitionKey: keys.expertChapters(userId) });
  return items.map(toMember);
}

/**
 * Writes a member (new when `previousVersion` is 0, else only from that version) with the head's
 * move and the audit entry: loads and workplaces feed the assignment. Anything changed meanwhile:
 * 409 STALE_VERSION.
 */
export async function putMember(
  deps: WriteDeps,
  write: { member: ChapterMember; previousVersion: number; head: AssignmentHead; audit: NewAuditEntry },
): Promise<void> {
  try {
    await deps.store.transact([
      tx.put(memberItem(write.member), versionIs(write.previousVersion)),
      headUpdate(write.head, {}),
      auditPut(deps, write.audit),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw memberChanged(error);
    throw error;
  }
}

/**
 * Takes a member off the chapter, only at the version read and with the head's version: a pair
 * added or committed meanwhile makes this fail (409 STALE_VERSION) instead of orphaning it.
 */
export async function deleteMember(
  deps: WriteDeps,
  write: { member: ChapterMember; head: AssignmentHead; audit: NewAuditEntry },
): Promise<void> {
  const { member } = write;
  try {
    await deps.store.transact([
      headUpdate(write.head, {}),
      tx.delete(keys.chapterMember(member.editionId, member.userId), versionIs(member.version)),
      auditPut(deps, write.audit),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw assignmentChanged(error);
    throw error;
  }
}

export const assignmentSettingsItem = (editionId: string, settings: AssignmentSettings) => ({
  ...keys.assignmentSettings(editionId),
  entity: 'assignmentSettings',
  ...settings,
});

/** The edition's assignment settings; the defaults (version 0) until first saved. */
export async function getAssignmentSettingsOrDefault(
  store: Store,
  editionId: string,
  consistent = false,
): Promise<AssignmentSettings> {
  const item = await store.get(keys.assignmentSettings(editionId), { consistent });
  return item ? parseItem(AssignmentSettings, item, 'assignment settings') : defaultAssignmentSettings;
}

export const settingsChanged = (cause?: unknown) =>
  new AppError('STALE_VERSION', 'Settings changed meanwhile', {
    cause,
    detail: {
      pl: 'Ustawienia przydziału zmieniono w międzyczasie. Odśwież stronę.',
      en: 'The assignment settings changed meanwhile. Refresh the page.',
    },
  });

/**
 * Writes the next settings from the version read (0: never saved), with the head's move — rules and
 * weights feed the assignment — and the audit entry. Anything changed meanwhile: 409 STALE_VERSION.
 */
export async function putAssignmentSettings(
  deps: WriteDeps,
  write: {
    editionId: string;
    settings: AssignmentSettings;
    previousVersion: number;
    head: AssignmentHead;
    audit: NewAuditEntry;
  },
): Promise<void> {
  try {
    await deps.store.transact([
      tx.put(assignmentSettingsItem(write.editionId, write.settings), versionIs(write.previousVersion)),
      headUpdate(write.head, {}),
      auditPut(deps, write.audit),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw settingsChanged(error);
    throw error;
  }
}

/** Statuses whose applications are reviewed (and so assigned and bid on). */
export const assignableStatuses: readonly ApplicationStatus[] = ['submitted', 'accepted'];

/** What the rules need of an institution's profile: where it is. */
const InstitutionWhere = z.object({
  institutionId: z.string(),
  address: z.pick(Address, { voivodeship: true, county: true, commune: true }),
});

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
  const found = await store.batchGet(headers.map((h) => keys.institution(h.institutionId)));
  const places = new Map(
    found.map((item) => {
      const where = parseItem(InstitutionWhere, item, 'institution');
      return [where.institutionId, where.address];
    }),
  );
  return headers.map((h) => {
    const place = places.get(h.institutionId);
    return {
      applicationId: h.applicationId,
      institution: {
        institutionId: h.institutionId,
        name: h.institution.name,
        nip: h.institution.nip,
        type: h.institution.type,
        voivodeship: place?.voivodeship ?? h.institution.voivodeship,
        county: place?.county ?? '',
        commune: place?.commune ?? '',
      },
    };
  });
}
