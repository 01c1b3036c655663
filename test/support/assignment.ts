import { expect } from 'vitest';
import type { User } from '../../shared/accounts/user';
import type { ApplicationHeader } from '../../shared/applications/application';
import { headerItem } from '../../shared/applications/application-store';
import { pairsOf } from '../../shared/assignment/assignment';
import { listExpertAssignments } from '../../shared/assignment/assignment-store';
import type { MemberInput } from '../../shared/chapter/chapter';
import { putChapterMember } from '../../shared/chapter/put-chapter-member';
import type { NewInstitution } from '../../shared/institutions/institution';
import { keys } from '../../shared/store/keys';
import { type Harness, institutionInput, jsonRequest, seedUser, sessionCookie } from './accounts';
import { callerFor, seedEdition } from './applications';

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

/** What the assignment tests read of a preview. */
export type Preview = {
  previewId: string;
  summary: { pairs: number; added: number; kept: number; removed: number; minLoad: number; maxLoad: number };
  applications: {
    applicationId: string;
    experts: { userId: string; status: string }[];
    removed: { userId: string; reason: string }[];
  }[];
  experts: { userId: string; load: number }[];
  removedPairs: { applicationId: string; userId: string; reason: string }[];
  histogram: { load: number; experts: number }[];
};

/** An open edition (k = 2) with a chapter of `experts` and `applications` submitted applications; all in distinct places. */
export async function assignmentWorld(
  h: Deps,
  options: { experts?: number; applications?: number; maxLoad?: number; minLoad?: number } = {},
) {
  const edition = await seedEdition(h, { settings: { expertsPerApplication: 2 } });
  const { user: organizer } = await seedUser(h, { role: 'organizer' });
  const experts: User[] = [];
  for (let i = 0; i < (options.experts ?? 4); i++) {
    experts.push(
      await seedChapterExpert(h, edition.editionId, organizer, {
        minLoad: options.minLoad ?? 0,
        maxLoad: options.maxLoad ?? 10,
        workplace: { voivodeship: 'pomorskie', county: `powiat ${i}`, commune: `gmina ${i}` },
      }),
    );
  }
  const applications = [];
  for (let i = 0; i < (options.applications ?? 6); i++) applications.push(await seedSubmitted(h, edition.editionId));
  return { edition, organizer, experts, applications, cookie: await sessionCookie(h, organizer.userId) };
}

/**
 * The assignment tests' requests against one harness: `as` sends with a session cookie (JSON bodies
 * from a trusted origin), `preview` and `commit` expect 200, `currentPairs` reads the committed pairs
 * (`applicationId:userId`, sorted) from the store. `on` sends to another app (a failing client's).
 */
export function assignmentCalls(h: Harness) {
  const as = (cookie: string, method: string, path: string, body?: unknown, on = h.app) =>
    on.request(
      path,
      method === 'GET'
        ? { headers: { cookie } }
        : {
            ...jsonRequest(method, body),
            headers: { 'content-type': 'application/json', cookie, origin: 'http://localhost' },
          },
    );
  const preview = async (
    cookie: string,
    editionId: string,
    mode: 'incremental' | 'full' = 'incremental',
    on = h.app,
  ): Promise<Preview> => {
    const res = await as(cookie, 'POST', `/api/editions/${editionId}/assignment/preview`, { mode }, on);
    expect(res.status).toBe(200);
    return (await res.json()) as Preview;
  };
  const commit = async (
    cookie: string,
    editionId: string,
    p: Preview,
    mode: 'incremental' | 'full' = 'incremental',
  ) => {
    const res = await as(cookie, 'POST', `/api/editions/${editionId}/assignment/commit`, {
      mode,
      previewId: p.previewId,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { alreadyCommitted: boolean; pairs: number; mailed: number };
  };
  const currentPairs = async (editionId: string, on: Deps = h.deps) =>
    pairsOf((await listExpertAssignments(on.store, editionId)).experts)
      .map((p) => `${p.applicationId}:${p.userId}`)
      .sort();
  return { as, preview, commit, currentPairs };
}
