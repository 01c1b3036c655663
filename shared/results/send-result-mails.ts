import type { Deps } from '../deps';
import { findInstitutions } from '../institutions/institution-store';
import type { ApplicationResult } from './results';
import { claimResultMail } from './results-store';
import { resultMail } from './results-mail';

export type ResultMailDeps = Pick<Deps, 'store' | 'mail' | 'settings' | 'logger'>;

/**
 * One batch of result mails (issue 14 §6), to each institution's contact person. Each mail is claimed
 * first (one marker per edition, version and application), so a retried job does not mail twice.
 */
export async function sendResultMails(
  deps: ResultMailDeps,
  batch: { editionId: string; version: number; results: ApplicationResult[] },
): Promise<{ sent: number }> {
  const institutions = new Map(
    (
      await findInstitutions(
        deps.store,
        batch.results.map((r) => r.institutionId),
      )
    ).map((i) => [i.institutionId, i]),
  );
  let sent = 0;
  for (const result of batch.results) {
    const institution = institutions.get(result.institutionId);
    if (!institution) continue;
    if (!(await claimResultMail(deps.store, batch.editionId, batch.version, result.applicationId))) continue;
    const link = `${deps.settings.publicOrigin}/applications/${result.applicationId}/result`;
    await deps.mail.send(resultMail(institution.contactPerson.email, 'pl', result, link));
    sent += 1;
  }
  deps.logger.info('result mails', { editionId: batch.editionId, version: batch.version, sent });
  return { sent };
}
