import type { NewAuditEntry } from '../audit/audit';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import type { Message } from '../editions/localized';
import { AppError, isAppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Store, type TransactItem, tx } from '../store/store';
import { Certificate, CertificatePointer } from './certificate';

/**
 * Certificates on the single table (issue 15, docs/data-model.md):
 *  - `CERT#<code> / CERTIFICATE`: the certificate, addressed by its public code; gsi1 lists an edition's by number;
 *  - `APPLICATION#<id> / CERTIFICATE`: the application's current certificate (moved by a re-issue);
 *  - `EDITION#<id> / CERT_COUNTER`: the next number, advanced in the same transaction that writes certificates;
 *  - `CREDENTIAL_KEYS / KEY#<kid>`: every public key a credential was signed with.
 * Every change is a conditional write, so two tabs, a double click or a retried job change a certificate once.
 */
type WriteDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

const seqKey = (seq: number) => String(seq).padStart(6, '0');
const certificateItem = (c: Certificate) => ({
  ...keys.certificate(c.code),
  entity: 'certificate',
  ...c,
  gsi1pk: keys.editionCertificates(c.editionId),
  gsi1sk: seqKey(c.seq),
});
const pointerItem = (p: CertificatePointer) => ({
  ...keys.certificatePointer(p.applicationId),
  entity: 'certificatePointer',
  ...p,
});

const toCertificate = (item: Record<string, unknown>) => parseItem(Certificate, item, 'certificate');
const toPointer = (item: Record<string, unknown>) => parseItem(CertificatePointer, item, 'certificate pointer');

export const staleCertificates: Message = {
  pl: 'Certyfikaty zmieniono w międzyczasie (np. w innej karcie). Odśwież widok i spróbuj ponownie.',
  en: 'The certificates changed meanwhile (e.g. in another tab). Refresh and try again.',
};
const stale = (cause?: unknown) =>
  new AppError('STALE_VERSION', staleCertificates.en, { detail: staleCertificates, cause });

export async function findCertificate(store: Store, code: string, consistent = false): Promise<Certificate | null> {
  const item = await store.get(keys.certificate(code), { consistent });
  return item ? toCertificate(item) : null;
}

export async function getCertificate(store: Store, code: string, consistent = false): Promise<Certificate> {
  const cert = await findCertificate(store, code, consistent);
  if (!cert) throw new AppError('NOT_FOUND', 'No such certificate');
  return cert;
}

/** Every certificate of an edition (current and replaced), by number. */
export async function listEditionCertificates(store: Store, editionId: string): Promise<Certificate[]> {
  const items = await store.queryAll({ index: 'gsi1', partitionKey: keys.editionCertificates(editionId) });
  return items.map(toCertificate);
}

export async function findPointer(store: Store, applicationId: string, consistent = false) {
  const item = await store.get(keys.certificatePointer(applicationId), { consistent });
  return item ? toPointer(item) : null;
}

/** The current certificates' pointers of these applications (one BatchGet per 100). */
export async function findPointers(store: Store, applicationIds: string[]): Promise<CertificatePointer[]> {
  if (applicationIds.length === 0) return [];
  const items = await store.batchGet(applicationIds.map((id) => keys.certificatePointer(id)));
  return items.map(toPointer);
}

/** The next free sequence number of an edition (1 when none was issued). */
export async function readCounter(store: Store, editionId: string): Promise<number> {
  const item = await store.get(keys.certificateCounter(editionId), { consistent: true });
  return typeof item?.next === 'number' ? item.next : 1;
}

const counterAdvance = (editionId: string, expected: number, next: number): TransactItem =>
  expected === 1
    ? tx.update(
        keys.certificateCounter(editionId),
        {
          expression: 'SET #next = :next, entity = :entity',
          names: { '#next': 'next' },
          values: { ':next': next, ':entity': 'certificateCounter' },
        },
        {
          expression: 'attribute_not_exists(pk) OR #next = :expected',
          names: { '#next': 'next' },
          values: { ':expected': expected },
        },
      )
    : tx.update(
        keys.certificateCounter(editionId),
        { expression: 'SET #next = :next', names: { '#next': 'next' }, values: { ':next': next } },
        { expression: '#next = :expected', names: { '#next': 'next' }, values: { ':expected': expected } },
      );

/**
 * First certificates of applications: each certificate and its pointer are new (`attribute_not_exists`)
 * and the counter moves from `expected` in the same transaction, so two tabs issuing at once write one
 * set (the loser gets STALE_VERSION and the caller re-reads). At most 30 certificates per call.
 */
export async function insertCertificates(
  deps: WriteDeps,
  input: { editionId: string; expected: number; certificates: Certificate[]; audit: NewAuditEntry },
): Promise<void> {
  if (input.certificates.length === 0) return;
  if (input.certificates.length > 30) throw new RangeError('at most 30 certificates per transaction');
  const items: TransactItem[] = [
    counterAdvance(input.editionId, input.expected, input.expected + input.certificates.length),
  ];
  for (const c of input.certificates) {
    items.push(tx.put(certificateItem(c), { expression: 'attribute_not_exists(pk)' }));
    items.push(
      tx.put(
        pointerItem({
          applicationId: c.applicationId,
          editionId: c.editionId,
          institutionId: c.institutionId,
          code: c.code,
          issueNo: c.issueNo,
        }),
        { expression: 'attribute_not_exists(pk)' },
      ),
    );
  }
  items.push(auditPut(deps, input.audit));
  try {
    await deps.store.transact(items);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw stale(error);
    throw error;
  }
}

/** The worker rendered and stored the files: pending or failed → issued, once. False when it was not (any more) pending. */
export async function markIssued(
  store: Store,
  code: string,
  files: Record<string, number>,
  at: string,
): Promise<boolean> {
  try {
    await store.update(
      keys.certificate(code),
      {
        expression:
          'SET #status = :issued, files = :files, renderedAt = :at, attempts = attempts + :one, #version = #version + :one REMOVE #error',
        names: { '#status': 'status', '#version': 'version', '#error': 'error' },
        values: { ':issued': 'issued', ':files': files, ':at': at, ':one': 1 },
      },
      { expression: '#status IN (:pending, :failed)', values: { ':pending': 'pending', ':failed': 'failed' } },
    );
    return true;
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) return false;
    throw error;
  }
}

/** A rendering attempt failed: counted and shown to the organizer (the queue retries the job). */
export async function markFailed(store: Store, code: string, message: string): Promise<void> {
  try {
    await store.update(
      keys.certificate(code),
      {
        expression: 'SET #status = :failed, #error = :error, attempts = attempts + :one, #version = #version + :one',
        names: { '#status': 'status', '#version': 'version', '#error': 'error' },
        values: { ':failed': 'failed', ':error': message.slice(0, 500), ':one': 1 },
      },
      { expression: '#status IN (:pending, :failed)', values: { ':pending': 'pending' } },
    );
  } catch (error) {
    if (!isAppError(error, 'CONFLICT')) throw error; // issued or revoked meanwhile: nothing to record
  }
}

/** issued → revoked, with the reason, in one transaction with its audit entry. */
export async function saveRevocation(deps: WriteDeps, before: Certificate, after: Certificate, audit: NewAuditEntry) {
  try {
    await deps.store.transact([
      tx.put(certificateItem(after), {
        expression: '#status = :issued AND #version = :version',
        names: { '#status': 'status', '#version': 'version' },
        values: { ':issued': 'issued', ':version': before.version },
      }),
      auditPut(deps, audit),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw stale(error);
    throw error;
  }
}

/**
 * A re-issue: the old certificate becomes superseded (it was issued or revoked and unchanged), the new
 * one is written, the application's pointer moves from the old code to the new and the counter advances
 * — all or nothing.
 */
export async function saveReissue(
  deps: WriteDeps,
  input: { before: Certificate; superseded: Certificate; next: Certificate; expected: number; audit: NewAuditEntry },
) {
  const { before, superseded, next } = input;
  try {
    await deps.store.transact([
      tx.put(certificateItem(superseded), {
        expression: '#version = :version AND #status IN (:issued, :revoked)',
        names: { '#status': 'status', '#version': 'version' },
        values: { ':issued': 'issued', ':revoked': 'revoked', ':version': before.version },
      }),
      tx.put(certificateItem(next), { expression: 'attribute_not_exists(pk)' }),
      tx.put(
        pointerItem({
          applicationId: next.applicationId,
          editionId: next.editionId,
          institutionId: next.institutionId,
          code: next.code,
          issueNo: next.issueNo,
        }),
        { expression: 'code = :old', values: { ':old': before.code } },
      ),
      counterAdvance(next.editionId, input.expected, input.expected + 1),
      auditPut(deps, input.audit),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw stale(error);
    throw error;
  }
}

/** Records a public key credentials are signed with (once per kid; the JWKS lists them all). */
export async function registerCredentialKey(store: Store, jwk: Record<string, unknown> & { kid: string }, at: string) {
  try {
    await store.put(
      { ...keys.credentialKey(jwk.kid), entity: 'credentialKey', kid: jwk.kid, jwk, registeredAt: at },
      { expression: 'attribute_not_exists(pk)' },
    );
  } catch (error) {
    if (!isAppError(error, 'CONFLICT')) throw error;
  }
}

export async function listCredentialKeys(store: Store): Promise<Record<string, unknown>[]> {
  const items = await store.queryAll({ partitionKey: keys.credentialKeys() });
  return items.flatMap((item) =>
    item.jwk && typeof item.jwk === 'object' ? [item.jwk as Record<string, unknown>] : [],
  );
}

export async function findCredentialKey(store: Store, kid: string): Promise<Record<string, unknown> | null> {
  const item = await store.get(keys.credentialKey(kid));
  return item?.jwk && typeof item.jwk === 'object' ? (item.jwk as Record<string, unknown>) : null;
}
