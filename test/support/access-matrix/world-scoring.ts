import type { User } from '../../../shared/accounts/user';
import { listAttachments } from '../../../shared/applications/attachment-store';
import { addPair } from '../../../shared/assignment/add-pair';
import { commitAssignment } from '../../../shared/assignment/commit-assignment';
import { previewAssignment } from '../../../shared/assignment/preview-assignment';
import { putChapterMember } from '../../../shared/chapter/put-chapter-member';
import { editionItem } from '../../../shared/editions/edition-store';
import { saveSheet } from '../../../shared/reviews/save-sheet';
import { submitSheet } from '../../../shared/reviews/submit-sheet';
import { seedInstitution, type Harness } from '../accounts';
import { callerFor, seedApplication, seedEdition } from '../applications';
import { memberInput, seedSubmitted } from '../assignment';
import { completeSheet } from '../scoring';
import type { Tenant } from './world';

type Deps = Harness['deps'];

export interface ScoringWorldIds {
  /** An edition in review (k = 1) whose chapter is the matrix's expert and the colleague. */
  edition: string;
  /** The expert's pair: a full application with a ready attachment. */
  expertApp: string;
  expertAttachment: string;
  /** The expert's second pair, where the submit cell sends a complete draft. */
  submitApp: string;
  /** The colleague's pairs (the expert sits on the chapter but is not assigned to them), with submitted sheets. */
  colleagueApp: string;
  reopenApp: string;
  reconsiderApp: string;
}

/**
 * Scoring in the access matrix (issue 13): the expert's two pairs and the colleague's three, the
 * colleague's sheets submitted, carrying the colleague's marker in their private notes — the matrix's
 * expert must never read them, and the outsider (on another chapter) gets 404 everywhere.
 */
export async function seedScoringWorld(
  deps: Deps,
  people: { expert: User; colleague: User; organizer: User },
  mark: (who: string) => string,
  own: (tenant: Tenant, what: string, value: string, edition?: string) => void,
): Promise<ScoringWorldIds> {
  const { expert, colleague, organizer } = people;
  const edition = await seedEdition(deps, { settings: { expertsPerApplication: 1 } });
  const { editionId } = edition;
  own('applicants', 'applicants of the scoring edition', mark('SCORING'), editionId);
  const applicant = async () => {
    const header = await seedSubmitted(deps, editionId, { name: `Urząd ${mark('SCORING')}` });
    own('applicants', 'application in scoring', header.applicationId, editionId);
    own('applicants', 'its institution', header.institutionId, editionId);
    return header.applicationId;
  };
  const seat = (user: User) =>
    putChapterMember(deps, { ...memberInput(), editionId, userId: user.userId, caller: callerFor(organizer) });
  await seat(expert);
  // The expert's full application (answers and a file), then their second pair; both committed to them.
  const inst = await seedInstitution(deps, {
    institution: { name: `Urząd ${mark('SCORING')}` },
    memberName: `Jan ${mark('SCORING')}`,
  });
  own('applicants', 'institution in scoring', inst.institutionId, editionId);
  own('applicants', 'its member', inst.member.userId, editionId);
  own('applicants', 'its member’s e-mail', inst.member.email, editionId);
  const full = await seedApplication(deps, inst.member, editionId, { submit: true });
  own('applicants', 'full application in scoring', full.applicationId, editionId);
  const submitApp = await applicant();
  await commitAssignment(deps, {
    editionId,
    mode: 'full',
    previewId: (await previewAssignment(deps, { editionId, mode: 'full' })).previewId,
    caller: callerFor(organizer),
  });
  await seat(colleague);
  const [colleagueApp, reopenApp, reconsiderApp] = [await applicant(), await applicant(), await applicant()];
  for (const applicationId of [colleagueApp, reopenApp, reconsiderApp])
    await addPair(deps, { editionId, applicationId, userId: colleague.userId, caller: callerFor(organizer) });
  await deps.store.put(editionItem({ ...edition, state: 'review', version: edition.version + 1 }));
  const inReview = { ...edition, state: 'review' as const };
  for (const applicationId of [colleagueApp, reopenApp, reconsiderApp]) {
    const content = { ...completeSheet(inReview), privateNote: `Notatka ${mark('COLLEAGUE')}` };
    await saveSheet(deps, { caller: callerFor(colleague), editionId, applicationId, content, version: 0 });
    await submitSheet(deps, { caller: callerFor(colleague), editionId, applicationId, version: 1 });
  }
  await deps.jobs.drain();
  const [file] = (await listAttachments(deps.store, full.applicationId)).filter((x) => x.status === 'ready');
  return {
    edition: editionId,
    expertApp: full.applicationId,
    expertAttachment: file?.attachmentId ?? 'none',
    submitApp,
    colleagueApp,
    reopenApp,
    reconsiderApp,
  };
}
