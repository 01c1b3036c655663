import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Question } from '../../shared/editions/questionnaire';
import { surveyResults } from '../../shared/surveys/get-survey-results';
import { storedSurvey } from '../support/survey-fixtures';
import { surveySnapshot } from '../../shared/surveys/survey-evidence';
import { AnswerText } from '../../web/src/components/applications/ReadOnlyAnswers';
import type { Value } from '../../web/src/components/applications/QuestionInput';
import { SurveyEvidenceQuestion } from '../../web/src/components/applications/SurveyEvidenceQuestion';
import { installFakeFetch, settle } from './support/fake-fetch';
import { renderWithQuery } from './support/render';

/** Issue 18 §5 in the web: the institution picks a survey; experts and organizers read the snapshot's figures. */

const question: Question = {
  id: 'quality_survey_results',
  type: 'surveyResults',
  label: { pl: 'Wyniki badania satysfakcji' },
  required: false,
};

const survey = storedSurvey({ surveyId: 'survey-1' });

const snapshot = surveySnapshot(
  surveyResults(survey, {
    all: { n: 8, questions: { waiting: [0, 1, 1, 2, 4], q1: [0, 0, 0, 1, 1] } },
    month: { '2026-02': { n: 8, questions: { waiting: [0, 1, 1, 2, 4] } } },
    matter: {},
    channel: {},
  }),
  '2026-03-05',
);

function Harness({ initial, onChange }: { initial: Value; onChange: (v: Value) => void }) {
  const [value, setValue] = useState<Value>(initial);
  return (
    <SurveyEvidenceQuestion
      institutionId="inst-1"
      question={question}
      value={value}
      error={undefined}
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
    />
  );
}

describe('the survey evidence question in the application form', () => {
  it('lists the institution’s own surveys; choosing one sends only the choice and says the snapshot comes with the save', async () => {
    const api = installFakeFetch();
    const onChange = vi.fn();
    renderWithQuery(<Harness initial={null} onChange={onChange} />);
    const [list] = await api.waitFor('GET', '/api/institutions/inst-1/surveys');
    list?.reply(200, { items: [survey, { ...survey, surveyId: 'survey-2', title: { pl: 'Telefon' } }], cursor: null });
    await settle();
    const select = screen.getByRole('combobox', { name: /Wyniki badania satysfakcji/ });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['— wybierz badanie —', 'Obsługa w BOK', 'Telefon']);
    await userEvent.setup().selectOptions(select, 'survey-2');
    expect(onChange).toHaveBeenLastCalledWith({ surveyId: 'survey-2' });
    expect(screen.getByText(/Migawka wyników tego badania zostanie zrobiona przy zapisie/)).toBeTruthy();
  });

  it('shows the stored snapshot’s day and n, and “Odśwież migawkę” asks the server for a new one', async () => {
    const api = installFakeFetch();
    const onChange = vi.fn();
    renderWithQuery(<Harness initial={snapshot} onChange={onChange} />);
    (await api.waitFor('GET', '/api/institutions/inst-1/surveys'))[0]?.reply(200, { items: [survey], cursor: null });
    await settle();
    const select = screen.getByRole<HTMLSelectElement>('combobox');
    expect(select.value).toBe('survey-1');
    const status = document.getElementById(select.getAttribute('aria-describedby') ?? '');
    expect(status?.textContent).toMatch(/^Obsługa w BOK — migawka z 5 marca 2026, n = 8\. Migawka pozostaje/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Odśwież migawkę' }));
    expect(onChange).toHaveBeenLastCalledWith({ surveyId: 'survey-1', refresh: true });
    expect(screen.getByText(/Nowa migawka zostanie zrobiona przy najbliższym zapisie/)).toBeTruthy();
  });

  it('an institution without surveys is told where to set one up', async () => {
    const api = installFakeFetch();
    renderWithQuery(<Harness initial={null} onChange={vi.fn()} />);
    (await api.waitFor('GET', '/api/institutions/inst-1/surveys'))[0]?.reply(200, { items: [], cursor: null });
    await settle();
    expect(screen.getByText(/nie ma jeszcze badania satysfakcji/)).toBeTruthy();
  });
});

describe('the snapshot in the application view (experts, organizers)', () => {
  it('shows the survey, “migawka z <dzień>, n = …”, the figures table and the charts — not a picture', () => {
    renderWithQuery(<AnswerText question={question} value={snapshot} />);
    expect(screen.getByText(/migawka z 5 marca 2026, n = 8/)).toBeTruthy();
    expect(screen.getByText('Obsługa w BOK')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Wszystkie odpowiedzi' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toContain('Czy formularz był zrozumiały?');
    const total = within(table).getAllByRole('row')[1]?.textContent ?? '';
    expect(total).toContain('75%'); // waiting: 6 of 8 satisfied
    expect(total).toContain('ukryte (n = 2, próg 5)'); // the own question below the minimum
    const charts = screen.getAllByRole('img');
    expect(charts.some((c) => /Czas oczekiwania.*n = 8/.test(c.querySelector('title')?.textContent ?? ''))).toBe(true);
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });
});
