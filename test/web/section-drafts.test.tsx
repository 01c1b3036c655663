import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationView } from '../../web/src/queries/applications';
import { storageKey } from '../../web/src/components/applications/section-drafts';
import { useSectionDrafts } from '../../web/src/components/applications/useSectionDrafts';
import { apiError, installFakeFetch, type PendingRequest } from './support/fake-fetch';
import { applicationView } from './support/fixtures';
import { withQueryClient } from './support/render';

const sectionPath = '/api/applications/app-1/sections/staff';
const viewPath = '/api/applications/app-1';
const stored = () => localStorage.getItem(storageKey('app-1', 'staff'));
const saved = (answers: Record<string, unknown>, version: number) => ({
  sectionId: 'staff',
  answers,
  version,
  updatedAt: '2026-02-01T10:00:00.000Z',
  updatedBy: 'user-1',
});

/** Time passes on the fake clock; promises and the cache's zero-delay notifications run in between. */
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
/** The answer is read and everything it started has run. */
async function answer(request: PendingRequest | undefined, status: number, body: unknown) {
  expect(request, 'a pending request').toBeDefined();
  request?.reply(status, body);
  await act(async () => {
    await request?.consumed;
    await vi.advanceTimersByTimeAsync(0);
  });
}

function setup(view: ApplicationView = applicationView()) {
  const api = installFakeFetch();
  const { wrapper } = withQueryClient();
  const hook = renderHook(() => useSectionDrafts('app-1'), { wrapper });
  act(() => hook.result.current.reset(view, true));
  const draft = () => hook.result.current.drafts.staff;
  const type = (value: string) => act(() => hook.result.current.setValue('staff', 'contact', value));
  return { api, hook, draft, type };
}

beforeEach(() => {
  vi.useFakeTimers();
});

describe('useSectionDrafts (the application form autosave)', () => {
  it('saves once, a second after typing stops, with everything typed and the version it builds on', async () => {
    const { api, draft, type } = setup();
    await type('Anna');
    await advance(600);
    await type('Anna Nowak');
    await advance(999);
    expect(api.pending('PUT', sectionPath)).toHaveLength(0);
    expect(draft()?.status).toBe('dirty');
    // Until the save succeeds the edit is kept in this browser.
    expect(JSON.parse(stored() ?? '{}').values).toEqual({ contact: 'Anna Nowak' });

    await advance(1);
    const [put] = api.pending('PUT', sectionPath);
    expect(put?.body).toEqual({ answers: { contact: 'Anna Nowak', trainings: null }, version: 0 });
    expect(draft()?.status).toBe('saving');

    await answer(put, 200, saved({ contact: 'Anna Nowak' }, 1));
    expect(draft()).toMatchObject({ status: 'saved', version: 1, savedAt: '2026-02-01T10:00:00.000Z' });
    expect(stored()).toBeNull();
    expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('typing during a save is saved next, from the version that save returned', async () => {
    const { api, draft, type } = setup();
    await type('Anna');
    await advance(1000);
    const [first] = api.pending('PUT', sectionPath);
    await type('Anna Nowak');
    await answer(first, 200, saved({ contact: 'Anna' }, 1));
    // The newer text is not marked saved by the older save.
    expect(draft()).toMatchObject({ status: 'dirty', version: 1 });

    await advance(1000);
    const [second] = api.pending('PUT', sectionPath);
    expect(second?.body).toEqual({ answers: { contact: 'Anna Nowak', trainings: null }, version: 1 });
    await answer(second, 200, saved({ contact: 'Anna Nowak' }, 2));
    expect(draft()).toMatchObject({ status: 'saved', version: 2 });
  });

  it('an answer the form finds invalid is not sent: the stored answer goes instead and the draft stays', async () => {
    const { api, hook, draft } = setup();
    await act(() => hook.result.current.setValue('staff', 'trainings', 150));
    await advance(1000);
    const [put] = api.pending('PUT', sectionPath);
    expect(put?.body).toEqual({ answers: { contact: null, trainings: null }, version: 0 });
    await answer(put, 200, saved({}, 1));
    expect(draft()?.status).toBe('invalid');
    expect(draft()?.values.trainings).toBe(150);
    expect(stored()).not.toBeNull();
  });

  it('a save another tab beat (409) keeps the edits and offers a choice: re-save over the newer version…', async () => {
    const { api, hook, draft, type } = setup();
    await type('Sekretarz');
    await advance(1000);
    await answer(api.pending('PUT', sectionPath)[0], 409, apiError('STALE_VERSION', 'Ktoś zapisał zmiany'));
    expect(draft()).toMatchObject({ status: 'conflict', message: 'Ktoś zapisał zmiany', version: 0 });
    expect(draft()?.values.contact).toBe('Sekretarz');
    expect(JSON.parse(stored() ?? '{}').values).toEqual({ contact: 'Sekretarz' });

    // More typing while in conflict schedules nothing.
    await type('Sekretarz Miasta');
    await advance(5000);
    expect(api.pending('PUT', sectionPath)).toHaveLength(0);

    // "Use my version": the current version is read, then the edits are saved over it.
    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = hook.result.current.keepMine('staff');
    });
    await answer(
      (await api.waitFor('GET', viewPath))[0],
      200,
      applicationView({ sections: { staff: { answers: { contact: 'Naczelnik' }, version: 4 } } }),
    );
    const [put] = await api.waitFor('PUT', sectionPath);
    expect(put?.body).toEqual({ answers: { contact: 'Sekretarz Miasta', trainings: null }, version: 4 });
    await answer(put, 200, saved({ contact: 'Sekretarz Miasta' }, 5));
    await act(() => done);
    expect(draft()).toMatchObject({ status: 'saved', version: 5 });
    expect(stored()).toBeNull();
  });

  it('…or load the saved version, dropping the edits', async () => {
    const { api, hook, draft, type } = setup();
    await type('Sekretarz');
    await advance(1000);
    await answer(api.pending('PUT', sectionPath)[0], 409, apiError('STALE_VERSION', 'Ktoś zapisał zmiany'));

    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = hook.result.current.loadSaved('staff');
    });
    await answer(
      (await api.waitFor('GET', viewPath))[0],
      200,
      applicationView({ sections: { staff: { answers: { contact: 'Naczelnik' }, version: 4 } } }),
    );
    await act(() => done);
    expect(draft()).toMatchObject({ status: 'idle', version: 4, values: { contact: 'Naczelnik' } });
    expect(stored()).toBeNull();
    expect(api.pending('PUT', sectionPath)).toHaveLength(0);
  });

  it('nothing is lost across a failed save: the edit stays on screen and in the browser, and is sent again', async () => {
    const { api, hook, draft, type } = setup();
    await type('Biuletyn, strona internetowa');
    await advance(1000);
    const [put] = api.pending('PUT', sectionPath);
    put?.fail();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(draft()).toMatchObject({ status: 'error', values: { contact: 'Biuletyn, strona internetowa' } });
    expect(draft()?.message).toBe('Nie udało się połączyć z serwerem. Sprawdź połączenie i spróbuj ponownie.');
    expect(JSON.parse(stored() ?? '{}').values).toEqual({ contact: 'Biuletyn, strona internetowa' });

    // A reload of the page (a new form from the same server state) restores the edit and saves it.
    hook.unmount();
    const again = setup();
    expect(again.draft()).toMatchObject({
      status: 'dirty',
      restored: true,
      values: { contact: 'Biuletyn, strona internetowa' },
    });
    await advance(1000);
    const [retry] = again.api.pending('PUT', sectionPath);
    expect(retry?.body).toEqual({ answers: { contact: 'Biuletyn, strona internetowa', trainings: null }, version: 0 });
    await answer(retry, 200, saved({ contact: 'Biuletyn, strona internetowa' }, 1));
    expect(again.draft()?.status).toBe('saved');
    expect(stored()).toBeNull();
  });

  it('a refused save shows the server’s message at its question and keeps the edit', async () => {
    const { api, draft, type } = setup();
    await type('x'.repeat(10));
    await advance(1000);
    await answer(
      api.pending('PUT', sectionPath)[0],
      400,
      apiError('VALIDATION_FAILED', 'Popraw zaznaczone pola.', { 'answers.contact': 'Za długa odpowiedź.' }),
    );
    expect(draft()).toMatchObject({
      status: 'error',
      fieldErrors: { contact: 'Za długa odpowiedź.' },
      values: { contact: 'xxxxxxxxxx' },
    });
  });
});

describe('useSectionDrafts with a survey evidence answer (issue 18 §5)', () => {
  it('"take a new snapshot" is sent once: the server’s snapshot then replaces it in the form', async () => {
    const view = applicationView({
      questionnaire: {
        sections: [
          {
            id: 'staff',
            title: { pl: 'Kadra' },
            questions: [
              { id: 'contact', type: 'shortText', label: { pl: 'Osoba do kontaktu' }, required: true },
              { id: 'evidence', type: 'surveyResults', label: { pl: 'Wyniki badania' }, required: false },
            ],
          },
        ],
      },
    });
    const { api, hook, draft, type } = setup(view);
    const snapshot = {
      kind: 'surveySnapshot',
      surveyId: 'survey-1',
      title: { pl: 'Obsługa' },
      takenOn: '2026-02-01',
      minAnswers: 10,
      n: 0,
      questions: [],
    };
    await act(() => hook.result.current.setValue('staff', 'evidence', { surveyId: 'survey-1', refresh: true }));
    await advance(1000);
    const [first] = api.pending('PUT', sectionPath);
    expect(first?.body).toEqual({
      answers: { contact: null, evidence: { surveyId: 'survey-1', refresh: true } },
      version: 0,
    });
    await answer(first, 200, saved({ evidence: snapshot }, 1));
    expect(draft()?.values.evidence).toEqual(snapshot);

    await type('Anna');
    await advance(1000);
    const [second] = api.pending('PUT', sectionPath);
    expect(second?.body).toEqual({ answers: { contact: 'Anna', evidence: snapshot }, version: 1 });
  });
});
