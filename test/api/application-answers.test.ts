import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { apiHarness, errorOf, jsonRequest } from '../support/accounts';
import { applicationRequests, seedApplication, seedEdition } from '../support/applications';

/** Answers are checked against the questionnaire on every save: a bad one is a 4xx naming the question, never a 5xx. */

// Answers and files need more than the harness's default 1 KiB body limit.
const harness = apiHarness({ maxBodyBytes: 1024 * 1024 });
const { deps, app } = harness;
const { call, member, withCookie } = applicationRequests(harness);

describe('invalid answers are 4xx naming the question', () => {
  it('too long, wrong type, unknown option, unknown question', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const { applicationId } = await seedApplication(deps, m.user, edition.editionId);
    const save = (sectionId: string, answers: Record<string, unknown>) =>
      call(m.cookie, 'PUT', `/api/applications/${applicationId}/sections/${sectionId}`, { answers, version: 0 });
    expect((await errorOf(await save('standards', { standards_description: 'x'.repeat(3001) }))).fields).toEqual({
      'answers.standards_description': 'Odpowiedź ma 3001 znaków, a limit to 3000.',
    });
    expect((await errorOf(await save('staff', { staff_trainings: 'cztery' }))).fields).toEqual({
      'answers.staff_trainings': 'Oczekiwano: liczbę.',
    });
    expect((await errorOf(await save('staff', { staff_trainings: 2.5 }))).fields).toHaveProperty([
      'answers.staff_trainings',
    ]);
    expect((await errorOf(await save('quality', { quality_system: 'six-sigma' }))).fields).toHaveProperty([
      'answers.quality_system',
    ]);
    expect((await errorOf(await save('quality', { quality_survey_year: '2025-02-30' }))).fields).toHaveProperty([
      'answers.quality_survey_year',
    ]);
    expect((await errorOf(await save('quality', { staff_trainings: 3 }))).fields).toHaveProperty([
      'answers.staff_trainings',
    ]);
    expect((await errorOf(await save('documents', { documents_standards: 'plik.pdf' }))).fields).toHaveProperty([
      'answers.documents_standards',
    ]);
    const english = await app.request(
      `/api/applications/${applicationId}/sections/staff`,
      withCookie(
        m.cookie,
        jsonRequest('PUT', { answers: { staff_trainings: -1 }, version: 0 }, { 'accept-language': 'en' }),
      ),
    );
    expect((await errorOf(english)).fields).toEqual({ 'answers.staff_trainings': 'The smallest allowed value is 0.' });
    expect(await deps.store.get(keys.section(applicationId, 'staff'), { consistent: true })).toBeNull();
  });

  it('fuzzing the answer and attachment endpoints never produces a 5xx', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const { applicationId } = await seedApplication(deps, m.user, edition.editionId);
    const sections = ['standards', 'quality', 'staff', 'documents', 'nope'];
    const questionIds = [
      'standards_written',
      'standards_description',
      'standards_channels',
      'quality_system',
      'quality_survey_year',
      'quality_satisfied',
      'staff_trainings',
      'staff_contact',
      'documents_standards',
      'x',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sections),
        fc.dictionary(fc.constantFrom(...questionIds), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
        fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 5 }), fc.anything()),
        async (sectionId, answers, version) => {
          const res = await call(m.cookie, 'PUT', `/api/applications/${applicationId}/sections/${sectionId}`, {
            answers,
            version,
          });
          expect(res.status, await res.clone().text()).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (body) => {
        const res = await call(m.cookie, 'POST', `/api/applications/${applicationId}/attachments`, body);
        expect(res.status, await res.clone().text()).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});

describe('sections', () => {
  it('saving to a section the questionnaire does not have is a 404', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const { applicationId } = await seedApplication(deps, m.user, edition.editionId);
    expect(
      (
        await errorOf(
          await call(m.cookie, 'PUT', `/api/applications/${applicationId}/sections/nope`, { answers: {}, version: 0 }),
        )
      ).status,
    ).toBe(404);
  });
});
