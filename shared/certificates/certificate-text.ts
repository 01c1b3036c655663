import type { Language } from '../language';
import type { CertificateData } from './certificate-data';

/**
 * The words of a certificate and its emblem in both languages, and the dates as a Polish office
 * writes them. Month names are ours, not the runtime's ICU: Node 20 locally and Node 22 on Lambda
 * must print the same bytes. Intl only converts the instant to the Europe/Warsaw calendar day.
 */
const monthsPl = [
  'stycznia',
  'lutego',
  'marca',
  'kwietnia',
  'maja',
  'czerwca',
  'lipca',
  'sierpnia',
  'września',
  'października',
  'listopada',
  'grudnia',
];
const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const warsawParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Europe/Warsaw calendar day of an ISO instant. */
export function warsawDay(iso: string): { year: number; month: number; day: number } {
  const parts = warsawParts.formatToParts(new Date(iso));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** "31 marca 2026 r." / "31 March 2026". */
export function longDate(iso: string, language: Language): string {
  const { year, month, day } = warsawDay(iso);
  return language === 'pl' ? `${day} ${monthsPl[month - 1]} ${year} r.` : `${day} ${monthsEn[month - 1]} ${year}`;
}

/** "31.03.2026": short enough for the emblem. */
export function numericDate(iso: string): string {
  const { year, month, day } = warsawDay(iso);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

export const markName = 'Przyjazny Urząd';

/** Every line of the certificate that is not the institution's own name, in the certificate's language. */
export function certificateWords(data: CertificateData) {
  const { edition } = data;
  if (data.language === 'en') {
    return {
      title: 'CERTIFICATE',
      intro: `The Chapter of the “${markName}” award certifies that`,
      before: data.outcome === 'laureate' ? 'has been named' : 'has received a',
      outcome: data.outcome === 'laureate' ? 'AWARD LAUREATE' : 'DISTINCTION',
      edition: `“${edition.name}” award, ${edition.number} (${edition.year})`,
      category: `in the category: ${data.category.en}`,
      validUntil: `Valid until ${longDate(data.validUntil, 'en')}`,
      number: `No. ${data.certificateNumber}`,
      issued: `Issued ${longDate(data.issuedAt, 'en')}`,
      hash: 'Results digest',
      verify: 'Verify this certificate:',
      code: 'Code',
      mark: markName.toUpperCase(),
    };
  }
  return {
    title: 'CERTYFIKAT',
    intro: `Kapituła konkursu „${markName}” poświadcza, że instytucja`,
    before: data.outcome === 'laureate' ? 'otrzymała tytuł' : 'otrzymała',
    outcome: data.outcome === 'laureate' ? 'LAUREAT KONKURSU' : 'WYRÓŻNIENIE',
    edition: `${edition.number} konkursu „${edition.name}”, ${edition.year}`,
    category: `w kategorii: ${data.category.pl}`,
    validUntil: `Certyfikat ważny do ${longDate(data.validUntil, 'pl')}`,
    number: `Nr ${data.certificateNumber}`,
    issued: `Wydano ${longDate(data.issuedAt, 'pl')}`,
    hash: 'Skrót wyników',
    verify: 'Sprawdź autentyczność:',
    code: 'Kod',
    mark: markName.toUpperCase(),
  };
}
