import { createHash } from 'node:crypto';
import { emailMarker } from '../../../shared/accounts/user-store';
import { attachmentBlobKey } from '../../../shared/applications/attachments';
import { keys } from '../../../shared/store/keys';
import type { IndexName } from '../../../shared/store/table';
import type { Harness } from '../accounts';
import type { World } from './world';

/**
 * What a write could change, read back before and after a refused request: item collections by
 * partition (Query, never Scan — the table is shared with every other test file), index partitions,
 * blobs, and the outbox. A refused write must leave every one of them exactly as it was.
 */
type Where = (item: Record<string, unknown>) => boolean;
export type Probe =
  | { kind: 'partition'; pk: string }
  | { kind: 'index'; index: IndexName; pk: string; where?: Where }
  | { kind: 'blob'; key: string };

const partition = (pk: string): Probe => ({ kind: 'partition', pk });
const index = (name: IndexName, pk: string, where?: Where): Probe => ({
  kind: 'index',
  index: name,
  pk,
  where,
});
const audit = (type: 'user' | 'institution' | 'edition' | 'application', id: string) =>
  index('gsi1', keys.auditSubject(type, id));

export const probe = {
  /** The header, sections and attachment items, and the application's audit trail. */
  application: (id: string): Probe[] => [partition(keys.applicationPartition(id)), audit('application', id)],
  /** The profile and members, the institution's applications (gsi1) and its audit trail. */
  institution: (id: string): Probe[] => [
    partition(keys.institution(id).pk),
    index('gsi1', keys.institutionApplications(id)),
    audit('institution', id),
  ],
  /** Settings, extensions, exports, chapter, conflicts, bids, assignment; its applications (gsi2); its audit. */
  edition: (id: string): Probe[] => [
    partition(keys.edition(id).pk),
    index('gsi2', keys.editionApplications(id)),
    audit('edition', id),
  ],
  /** Profile and sessions, chapters (gsi1) and the account's audit trail. */
  user: (id: string): Probe[] => [
    partition(keys.user(id).pk),
    index('gsi1', keys.expertChapters(id)),
    audit('user', id),
  ],
  /** Every seeded caller's account (what a refused account-wide write could touch). */
  callers: (w: World): Probe[] => [...Object.values(w.users), w.target].flatMap((u) => probe.user(u.userId)),
  /** The uniqueness marker of an e-mail a refused write would have registered. */
  email: (email: string): Probe[] => [partition(emailMarker(email).pk)],
  /** Editions of a given name (the EDITIONS list is shared, so only ours are compared). */
  editionsNamed: (name: string): Probe[] => [index('gsi1', keys.editions(), (item) => item.name === name)],
  attachmentBlob: (applicationId: string, attachmentId: string): Probe[] => [
    { kind: 'blob', key: attachmentBlobKey(applicationId, attachmentId) },
  ],
  /** A's attachments (all of them: a refused delete or complete must not touch any). */
  attachmentsOfA: (w: World): Probe[] =>
    [w.readyAttachment, w.pendingAttachment, w.removableAttachment].flatMap((id) => probe.attachmentBlob(w.appA, id)),
};

const sortKey = (item: Record<string, unknown>) => `${String(item.pk)}\u0000${String(item.sk)}`;

/** A comparable picture of everything the probes name, plus the outbox (a refused write sends no mail). */
export async function snapshot(deps: Harness['deps'], probes: Probe[]): Promise<Record<string, unknown>> {
  const read = async (p: Probe): Promise<[string, unknown]> => {
    if (p.kind === 'blob') {
      const blob = await deps.blobs.documents.get(p.key);
      return [`blob ${p.key}`, blob ? createHash('sha256').update(blob.body).digest('hex') : null];
    }
    const items =
      p.kind === 'partition'
        ? await deps.store.queryAll({ partitionKey: p.pk, consistent: true })
        : (await deps.store.queryAll({ index: p.index, partitionKey: p.pk })).filter((i) => p.where?.(i) ?? true);
    return [
      p.kind === 'partition' ? p.pk : `${p.index} ${p.pk}`,
      items.sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : 1)),
    ];
  };
  const picture = Object.fromEntries(await Promise.all(probes.map(read)));
  picture.outbox = (await deps.mail.list()).map((m) => m.id);
  return picture;
}
