import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Question } from '../../shared/editions/questionnaire';
import { QuestionInput } from '../../web/src/components/applications/QuestionInput';

const dateQuestion: Question = {
  id: 'opened',
  type: 'date',
  label: { pl: 'Data otwarcia punktu obsługi', en: 'Service point opened on' },
  help: { pl: 'Dzień uruchomienia.', en: 'The day it opened.' },
  required: true,
};

describe('a date question (issue 16 §8)', () => {
  it('is the browser’s date picker with no "RRRR-MM-DD" hint beside it (the picker shows its own format)', () => {
    const onChange = vi.fn();
    const { container } = render(
      <QuestionInput question={dateQuestion} value="2026-02-01" onChange={onChange} error={undefined} />,
    );
    const input = screen.getByLabelText(/Data otwarcia punktu obsługi/) as HTMLInputElement;
    expect(input.type).toBe('date');
    expect(input.value).toBe('2026-02-01');
    expect(container.textContent).not.toMatch(/RRRR|YYYY|Format:/);
    // Still described by its help and, when there is one, its error — and by nothing that is not on the page.
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    expect(described.length).toBeGreaterThan(0);
    for (const id of described) expect(document.getElementById(id), id).not.toBeNull();
    fireEvent.change(input, { target: { value: '' } });
    expect(onChange).toHaveBeenCalledWith(null);
  });
});
