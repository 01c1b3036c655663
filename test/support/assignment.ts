import type { User } from '../../shared/accounts/user';
import type { ApplicationHeader } from '../../shared/applications/application';
import { headerItem } from '../../shared/applications/application-store';
import type { MemberInput } from '../../shared/chapter/chapter';
import { putChapterMember } from '../../shared/chapter/put-chapter-member';
import type { NewInstitution } from '../../shared/institutions/institution';
import { keys } from '../../shared/store/keys';
import { institutionInput, seedUser, type Harness } from './accounts';
import { callerFor } from './applications';

type Deps = Harness['deps'];

/** A submitted application of a new institution, written straight to the table (the assignment only reads headers). */
export async function seedSubmitted(
  deps: Deps,
  editionId: string,
  overrides: Partial<NewInstitution> = {},
): Promise<ApplicationHeader> {
  const institutionId = deps.ids.newId();
  const now = deps.clock.now().toISOString();
  const input = institutionInput(overrides);
  await deps.store.put({
    ...keys.institution(institutionId),
    entity: 'institution',
    ...input,
    institutionId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  const header: ApplicationHeader = {
    applicationId: deps.ids.newId(),
    editionId,
    institutionId,
    institution: {
      name: input.name,
      nip: input.nip,
      type: input.type,
      voivodeship: input.address.voivodeship,
      headcount: input.headcount,
    },
    status: 'submitted',
    createdAt: now,
    createdBy: 'seed',
    updatedAt: now,
    submittedAt: now,
    version: 2,
  };
  await deps.store.put(headerItem(header));
  return header;
}

export const memberInput = (overrides: Partial<MemberInput> = {}): MemberInput => ({
  minLoad: 0,
  maxLoad: 10,
  expertise: ['obsługa klienta'],
  preferredCategories: [],
  chair: false,
  ...overrides,
});

/** An expert account put on the edition's chapter by the given organizer. */
export async function seedChapterExpert(
  deps: Deps,
  editionId: string,
  organizer: User,
  overrides: Partial<MemberInput> = {},
): Promise<User> {
  const { user } = await seedUser(deps, { role: 'expert' });
  await putChapterMember(deps, {
    ...memberInput(overrides),
    editionId,
    userId: user.userId,
    caller: callerFor(organizer),
  });
  return user;
}
