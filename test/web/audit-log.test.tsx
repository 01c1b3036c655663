import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { auditActionGroupNames, auditActionGroups, auditActions, auditSubjectTypes } from '../../shared/audit/audit';
import { OrganizerAuditPage } from '../../web/src/pages/OrganizerAuditPage';
import auditEn from '../../web/src/locales/audit.en.json';
import auditPl from '../../web/src/locales/audit.pl.json';
import type { AuditEntry } from '../../web/src/queries/accounts';
import { SessionProvider } from '../../web/src/session';
import { installFakeFetch, settle } from './support/fake-fetch';
import { renderWithQuery } from './support/render';
import { signedInHint } from './support/signed-in';

it.each([
  ['pl', auditPl],
  ['en', auditEn],
])('%s: every audit action, subject type and kind of event has a name', (_lang, file) => {
  const actions: Record<string, unknown> = file.auditAction;
  const subjects: Record<string, unknown> = file.audit.subject;
  const groups: Record<string, unknown> = file.audit.groups;
  for (const action of auditActions) expect(actions[action], action).toMatch(/\S/);
  for (const subject of auditSubjectTypes) expect(subjects[subject], subject).toMatch(/\S/);
  for (const group of auditActionGroupNames) expect(groups[group], group).toMatch(/\S/);
});

it('puts every action in exactly one kind of event', () => {
  const grouped: string[] = Object.values(auditActionGroups).flat();
  expect([...grouped].sort()).toEqual([...new Set(auditActions)].sort());
});

const me = {
  user: {
    userId: 'org1',
    email: 'org@example.org',
    displayName: 'Olga Organizator',
    language: 'pl',
    roles: ['organizer'],
    status: 'active',
    emailVerified: true,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
};

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  entryId: Math.random().toString(36).slice(2),
  at: '2026-07-01T10:15:30.000Z',
  action: 'application.accepted',
  actor: { userId: 'u1', label: 'anna@urzad.pl' },
  subject: { type: 'application', id: 'app1', label: 'Urząd Gminy Łęczna' },
  ...over,
});

async function openPage() {
  signedInHint(true); // signed in on this browser: the app asks /api/me
  const api = installFakeFetch();
  renderWithQuery(
    <SessionProvider>
      <OrganizerAuditPage />
    </SessionProvider>,
  );
  const [session] = await api.waitFor('GET', '/api/me');
  session?.reply(200, me);
  return api;
}

it('names events, actors and subjects in Polish, in Polish time, with an unknown address as a dash', async () => {
  const api = await openPage();
  const [list] = await api.waitFor('GET', '/api/audit');
  expect(list?.query.get('group')).toBeNull();
  list?.reply(200, {
    items: [
      entry({ actorName: 'Anna Nowak' }),
      entry({
        action: 'certificate.revoked',
        actor: { label: 'system' },
        subject: { type: 'edition', id: 'ed1' },
        ip: 'unknown',
      }),
      entry({
        action: 'security.loginFailureBurst',
        actor: { label: 'anonymous' },
        subject: { type: 'email', id: 'x' },
      }),
      entry({ action: 'organizer.created', actor: { label: 'ops@example.org' }, subject: { type: 'user', id: 'u9' } }),
    ],
    cursor: null,
  });
  await list?.consumed;
  await settle();
  const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
  const cells = rows.map((r) =>
    within(r)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  );
  // 10:15:30 UTC in July is 12:15:30 in Warsaw.
  expect(cells[0]?.[0]).toBe('1.07.2026, 12:15:30');
  expect(cells[0]?.[1]).toBe('Przyjęcie zgłoszenia po ocenie formalnej');
  expect(cells[0]?.[2]).toBe('Anna Nowak (anna@urzad.pl)');
  expect(cells[0]?.[3]).toContain('zgłoszenie: Urząd Gminy Łęczna');
  expect(cells[1]?.slice(1, 3)).toEqual(['Unieważnienie certyfikatu', 'system (zadanie automatyczne)']);
  expect(cells[1]?.[3]).toContain('edycja: ed1');
  expect(cells[1]?.[4]).toBe('—nieznany');
  expect(
    within(rows[1] as HTMLElement)
      .getByText('—')
      .getAttribute('aria-hidden'),
  ).toBe('true');
  expect(cells[2]?.slice(1, 4)).toEqual([
    'Seria nieudanych logowań',
    'niezalogowana osoba',
    expect.stringContaining('adres e-mail: x'),
  ]);
  expect(cells[2]?.[4]).toBe('—nieznany');
  expect(cells[3]?.slice(1, 3)).toEqual(['Utworzenie konta organizatora', 'ops@example.org']);
  expect(screen.getByRole('columnheader', { name: 'Kiedy (czas polski)' })).toBeDefined();
  expect(document.body.textContent).not.toMatch(/audit\.|auditAction|application\.accepted|unknown/);
});

it('filters by kind of event, named for an organizer, and keeps it for a subject’s history', async () => {
  const api = await openPage();
  const [first] = await api.waitFor('GET', '/api/audit');
  first?.reply(200, { items: [entry({})], cursor: null });
  await first?.consumed;
  await settle();
  const kind = screen.getByRole('combobox', { name: /Rodzaj zdarzeń/ });
  expect(
    within(kind)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['wszystkie', 'konta', 'instytucje', 'edycje', 'zgłoszenia', 'ocena (Kapituła)', 'wyniki', 'certyfikaty']);
  const user = userEvent.setup();
  await user.selectOptions(kind, 'zgłoszenia');
  await user.click(screen.getByRole('button', { name: 'Pokaż zdarzenia' }));
  const [filtered] = await api.waitFor('GET', '/api/audit');
  expect(filtered?.query.get('group')).toBe('applications');
  expect(filtered?.query.get('day')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  filtered?.reply(200, { items: [entry({})], cursor: null });
  await filtered?.consumed;
  await settle();
  await user.click(screen.getByRole('button', { name: /Historia/ }));
  const [history] = await api.waitFor('GET', '/api/audit');
  expect(Object.fromEntries(history?.query ?? [])).toEqual({
    subjectType: 'application',
    subjectId: 'app1',
    group: 'applications',
  });
});
