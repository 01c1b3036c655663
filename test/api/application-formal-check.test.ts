import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { apiHarness, errorOf, sessionCookie } from '../support/accounts';
import { applicationRequests, completeAnswers, seedApplication, seedEdition } from '../support/applications';

/** After submission: the organizer's formal check (accept, return for correction, reject) and the institution's withdrawal. */

// Answers and files need more than the harness's default 1 KiB body limit.
const harness = apiHarness({ maxBodyBytes: 1024 * 1024 });
const { deps } = harness;
const { call, member } = applicationRequests(harness);

describe('formal check, correction and withdrawal', () => {
  it('returned for correction: the institution is mailed, edits and resubmits before the new deadline; after it, no more', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const submitted = await seedApplication(deps, m.user, edition.editionId, { submit: true });
    const { user: organizerUser } = await (await import('../support/accounts')).seedUser(deps, { role: 'organizer' });
    const organizer = await sessionCookie(deps, organizerUser.userId);
    const deadline = new Date(deps.clock.now().getTime() + 7 * 24 * 3600 * 1000).toISOString();
    const returned = await call(organizer, 'POST', `/api/applications/${submitted.applicationId}/formal-check`, {
      decision: 'return',
      message: 'Brak podpisu kierownika na dokumencie.',
      correctionDeadline: deadline,
      version: submitted.version,
    });
    expect(returned.status).toBe(200);
    const header = (await returned.json()) as { status: string; version: number };
    expect(header.status).toBe('returned');
    // Only the decision's own record is stored: no empty rejection beside the correction.
    const stored = await deps.store.get(keys.application(submitted.applicationId), { consistent: true });
    expect(stored).toMatchObject({ correction: { message: 'Brak podpisu kierownika na dokumencie.', deadline } });
    expect(stored).not.toHaveProperty('rejection');
    await deps.jobs.drain();
    const mail = (await deps.mail.list()).find(
      (x) => x.to === m.user.email && x.subject.startsWith('Zgłoszenie zwrócone do poprawy'),
    );
    expect(mail?.text).toContain('Brak podpisu kierownika');
    // What happens next: correct and resubmit by the new deadline.
    expect(mail?.text).toContain('prosimy poprawić zgłoszenie i złożyć je ponownie do');

    const fix = await call(m.cookie, 'PUT', `/api/applications/${submitted.applicationId}/sections/staff`, {
      answers: { ...completeAnswers.staff, staff_trainings: 5 },
      version: 1,
    });
    expect(fix.status).toBe(200);
    const again = await call(m.cookie, 'POST', `/api/applications/${submitted.applicationId}/submit`, {
      version: header.version,
    });
    expect(again.status).toBe(200);
    // Formal check of the resubmission: accept; it is final.
    const accepted = await call(organizer, 'POST', `/api/applications/${submitted.applicationId}/formal-check`, {
      decision: 'accept',
      version: header.version + 1,
    });
    expect((await accepted.json()) as { status: string }).toMatchObject({ status: 'accepted' });
    await deps.jobs.drain();
    const acceptedMail = (await deps.mail.list()).find(
      (x) => x.to === m.user.email && x.subject === `Zgłoszenie przyjęte formalnie — ${edition.name}`,
    );
    expect(acceptedMail?.text).toContain('spełnia wymogi formalne i zostało przyjęte');
    expect(acceptedMail?.text).toContain('Co dalej: zgłoszenie ocenią eksperci Kapituły');
    expect(acceptedMail?.text).toContain(`/applications/${submitted.applicationId}`);
    expect(
      (
        await errorOf(
          await call(organizer, 'POST', `/api/applications/${submitted.applicationId}/formal-check`, {
            decision: 'reject',
            reason: 'x',
            version: header.version + 2,
          }),
        )
      ).code,
    ).toBe('INVALID_STATE');
  });

  it('rejected: every active member of the institution is mailed, each in their language, with the reason and what follows', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const submitted = await seedApplication(deps, m.user, edition.editionId, { submit: true });
    const support = await import('../support/accounts');
    const { user: colleague } = await support.seedUser(deps, {
      role: 'institution',
      institutionId: m.institutionId,
      language: 'en',
    });
    const { user: organizerUser } = await support.seedUser(deps, { role: 'organizer' });
    const organizer = await sessionCookie(deps, organizerUser.userId);
    const rejected = await call(organizer, 'POST', `/api/applications/${submitted.applicationId}/formal-check`, {
      decision: 'reject',
      reason: 'Instytucja nie należy do kategorii objętych konkursem.',
      version: submitted.version,
    });
    expect(rejected.status).toBe(200);
    await deps.jobs.drain();
    const mails = (await deps.mail.list()).filter((x) => x.text.includes('nie należy do kategorii objętych'));
    const pl = mails.find((x) => x.to === m.user.email);
    expect(pl?.subject).toBe(`Zgłoszenie odrzucone formalnie — ${edition.name}`);
    expect(pl?.text).toContain('Instytucja nie należy do kategorii objętych konkursem.');
    expect(pl?.text).toContain('Co dalej: zgłoszenie nie weźmie udziału w ocenie tej edycji');
    const en = mails.find((x) => x.to === colleague.email);
    expect(en?.subject).toBe(`Application rejected — ${edition.name}`);
    expect(en?.text).toContain('What happens next');
  });

  it('withdrawal before the deadline makes it editable; the organizer’s counts follow each status change', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const submitted = await seedApplication(deps, m.user, edition.editionId, { submit: true });
    const { user: organizerUser } = await (await import('../support/accounts')).seedUser(deps, { role: 'organizer' });
    const organizer = await sessionCookie(deps, organizerUser.userId);
    const counts = async () =>
      (await (await call(organizer, 'GET', `/api/editions/${edition.editionId}/application-counts`)).json()) as Record<
        string,
        number
      >;
    expect(await counts()).toMatchObject({ submitted: 1, withdrawn: 0, draft: 0 });
    const withdrawn = await call(m.cookie, 'POST', `/api/applications/${submitted.applicationId}/withdraw`, {
      version: submitted.version,
    });
    expect((await withdrawn.json()) as { status: string }).toMatchObject({ status: 'withdrawn' });
    expect(await counts()).toMatchObject({ submitted: 0, withdrawn: 1 });
    expect(
      (
        await call(m.cookie, 'PUT', `/api/applications/${submitted.applicationId}/sections/staff`, {
          answers: completeAnswers.staff,
          version: 1,
        })
      ).status,
    ).toBe(200);
  });
});
