import { newCertificateCode } from '../../shared/certificates/certificate-code';
import type { CertificateData } from '../../shared/certificates/certificate-data';

/** Certificates as an edition issues them: every name, town, code and number different. */
const offices = [
  ['Urząd Gminy', 'Łęczna'],
  ['Urząd Miasta i Gminy', 'Ćmielów'],
  ['Starostwo Powiatowe w', 'Łańcucie'],
  ['Miejski Ośrodek Pomocy Społecznej w', 'Świętochłowicach'],
  ['Powiatowy Urząd Pracy w', 'Żyrardowie'],
  ['Urząd Skarbowy w', 'Zduńskiej Woli'],
  ['Gminny Ośrodek Pomocy Społecznej im. Świętej Jadwigi Śląskiej w', 'Kaźmierzu Wielkopolskim'],
] as const;

export function sampleCertificate(i: number, language: 'pl' | 'en' = 'pl'): CertificateData {
  const [kind, place] = offices[i % offices.length] ?? offices[0];
  const code = newCertificateCode(new Uint8Array(16).map((_, j) => (i * 2654435761 + j * 40503) >>> (j % 24)));
  return {
    code,
    verifyUrl: `https://przyjaznyurzad.example.pl/weryfikacja/${code}`,
    language,
    institution: { name: `${kind} ${place} nr ${i}`, town: place },
    edition: { name: 'Przyjazny Urząd', number: 'X edycja', year: 2025 },
    category: { pl: 'urzędy gmin miejsko-wiejskich', en: 'urban-rural municipal offices' },
    outcome: i % 5 === 4 ? 'distinction' : 'laureate',
    ...(i % 5 === 4 ? { distinctionReason: 'Za wzorową obsługę osób z niepełnosprawnościami.' } : {}),
    issuedAt: '2025-12-01T10:00:00.000Z',
    validUntil: '2026-12-01T10:00:00.000Z',
    certificateNumber: `PU/2025/${String(i + 1).padStart(4, '0')}`,
    signatories: [
      { name: 'prof. dr hab. Żaneta Śliwińska', role: 'Przewodnicząca Kapituły' },
      { name: 'Łukasz Źródłowski', role: 'Prezes Instytutu Jakości, organizator konkursu' },
    ],
    snapshotHash: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  };
}
