import { newCertificateCode } from '../../shared/certificates/certificate-code';
import { CertificateData } from '../../shared/certificates/certificate-data';

export const testOrigin = 'https://przyjaznyurzad.example.pl';
export const testEditionId = '01JF8ZQ4V6T3K9M2N5P7R0W1XB';

let seed = 1;
/** A fresh canonical certificate code per call. */
export const testCode = () => newCertificateCode(new Uint8Array(16).map((_, i) => (i * 29 + seed++ * 11) & 255));

/** One certificate's data, checked by the schema the worker uses, so the fixture cannot drift from it. */
export const certificateData = (overrides: Partial<CertificateData> = {}): CertificateData =>
  CertificateData.parse(certificateFields(overrides));

/** The same fields unchecked (a test of what the renderer refuses builds malformed data from it). */
export function certificateFields(overrides: Partial<CertificateData> = {}): CertificateData {
  const code = overrides.code ?? testCode();
  return {
    code,
    verifyUrl: `${testOrigin}/weryfikacja/${code}`,
    language: 'pl',
    institution: { name: 'Urząd Gminy Łęczna', town: 'Łęczna' },
    edition: { name: 'Przyjazny Urząd', number: 'VIII edycja', year: 2024 },
    category: { pl: 'urzędy gmin wiejskich', en: 'rural municipal offices' },
    outcome: 'laureate',
    issuedAt: '2024-12-01T10:00:00.000Z',
    validUntil: '2025-12-01T10:00:00.000Z',
    certificateNumber: 'PU/2024/0007',
    signatories: [
      { name: 'prof. dr hab. Żaneta Śliwińska', role: 'Przewodnicząca Kapituły' },
      { name: 'Łukasz Źródłowski', role: 'Prezes Instytutu Jakości, organizator konkursu' },
    ],
    snapshotHash: 'ba7816bf8f01',
    ...overrides,
  };
}
