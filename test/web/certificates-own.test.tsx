import { screen, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { OwnCertificate } from '../../web/src/components/certificates/OwnCertificate';
import type { CertificateSummary } from '../../web/src/queries/certificates';
import { CODE, certificate } from './support/certificates';
import { installFakeFetch, settle } from './support/fake-fetch';
import { renderWithQuery } from './support/render';

async function show(current: CertificateSummary | null) {
  const api = installFakeFetch();
  renderWithQuery(<OwnCertificate applicationId="app-1" />);
  const [get] = await api.waitFor('GET', '/api/applications/app-1/certificate');
  get?.reply(200, { certificate: current });
  await get?.consumed;
  await settle();
  return screen.getByRole('region', { name: 'Certyfikat i godło' });
}

it('an issued certificate: number, validity, the verification link and a download link for every file', async () => {
  const section = await show(certificate());
  expect(section.textContent).toContain('PU/2024/0001');
  expect(section.textContent).toContain(CODE);
  expect(section.textContent).toContain('20 listopada 2025');
  const verify = within(section).getByRole('link', { name: `http://localhost:3000/weryfikacja/${CODE}` });
  expect(verify.getAttribute('href')).toBe(`http://localhost:3000/weryfikacja/${CODE}`);
  const files = within(within(section).getByRole('list')).getAllByRole('link');
  expect(files.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
    ['Certyfikat PDF (po polsku)', '/api/applications/app-1/certificate/files/pdf'],
    ['Certyfikat PDF (po angielsku)', '/api/applications/app-1/certificate/files/pdf-en'],
    ['Godło SVG (na stronę internetową)', '/api/applications/app-1/certificate/files/emblem-svg'],
    ['Godło PNG (z poświadczeniem Open Badges)', '/api/applications/app-1/certificate/files/emblem-png'],
    ['Godło PDF (do druku)', '/api/applications/app-1/certificate/files/emblem-pdf'],
    ['Open Badge (.json)', '/api/applications/app-1/certificate/files/credential-json'],
    ['Open Badge, podpisany (.jwt)', '/api/applications/app-1/certificate/files/credential-jwt'],
  ]);
  for (const a of files) expect(a.hasAttribute('download')).toBe(true);
});

it.each(['pending', 'failed'] as const)('%s is "being prepared" for the institution, without files', async (status) => {
  const section = await show(certificate({ status, error: 'font missing' }));
  expect(section.textContent).toContain('Certyfikat jest w przygotowaniu.');
  expect(section.textContent).not.toContain('font missing');
  expect(within(section).queryAllByRole('link')).toHaveLength(0);
});

it('a revoked certificate says so with the date and reason, and offers no files', async () => {
  const section = await show(
    certificate({ status: 'revoked', revoked: { at: '2025-01-15T09:00:00.000Z', reason: 'Błędna nazwa instytucji' } }),
  );
  expect(section.textContent).toContain('Certyfikat unieważniono 15 stycznia 2025. Powód: Błędna nazwa instytucji');
  expect(within(section).queryAllByRole('link')).toHaveLength(0);
});

it('no certificate yet: a short note', async () => {
  const section = await show(null);
  expect(section.textContent).toContain('Organizator nie wystawił jeszcze certyfikatu.');
});
