import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../shared/certificates/pdf-content';
import { dejaVuSerif, ParsedFonts } from '../../shared/certificates/pdf-fonts';
import { renderPoster } from '../../shared/surveys/survey-poster-pdf';
import {
  A4_PORTRAIT,
  fitText,
  type PosterData,
  type PosterFonts,
  posterFileName,
  posterLayout,
  posterUrl,
} from '../../shared/surveys/survey-poster';
import { decodeQr, pdfText, poppler } from '../support/pdf';

const longName =
  'Miejski Ośrodek Pomocy Społecznej im. Świętej Jadwigi Królowej Polski w Gorzowie Wielkopolskim — Filia nr 3 przy ulicy Źródlanej, Dział Świadczeń Rodzinnych i Alimentacyjnych';

const poster = (over: Partial<PosterData> = {}): PosterData => ({
  institutionName: 'Urząd Miasta Łodzi',
  title: 'Jak Pana/Panią obsłużyliśmy?',
  url: 'https://konkurs.example.org/ankieta/s-1',
  opensOn: '2026-02-01',
  closesOn: '2026-12-31',
  language: 'pl',
  ...over,
});

let fonts: PosterFonts;
beforeAll(async () => {
  fonts = await new ParsedFonts(dejaVuSerif()).embed(await PDFDocument.create());
});

describe('survey poster: the link', () => {
  it('is the absolute answer page, pre-filled under the names the answer page reads', () => {
    expect(posterUrl('https://konkurs.example.org/', 'ab c')).toBe('https://konkurs.example.org/ankieta/ab%20c');
    expect(posterUrl('http://localhost:3000', 's1', { channel: 'phone', matter: 'taxes_fees' })).toBe(
      'http://localhost:3000/ankieta/s1?kanal=phone&sprawa=taxes_fees',
    );
    expect(posterUrl('http://localhost:3000', 's1', { matter: 'other' })).toBe(
      'http://localhost:3000/ankieta/s1?sprawa=other',
    );
  });

  it('names the file in plain ASCII, with what it pre-fills', () => {
    expect(posterFileName('s-1', {}, 'pl')).toBe('plakat-ankieta-s-1.pdf');
    expect(posterFileName('s-1', { channel: 'in_person', matter: 'business' }, 'en')).toBe(
      'survey-poster-s-1-in_person-business.pdf',
    );
    expect(posterFileName('s/../"x', {}, 'pl')).toBe('plakat-ankieta-sx.pdf');
  });
});

describe('survey poster: layout', () => {
  const inside = (d: PosterData) => {
    const layout = posterLayout(d, fonts);
    for (const t of layout.texts) {
      const w = textWidth(t.text, t.style);
      expect(t.x - w / 2, t.text).toBeGreaterThanOrEqual(40);
      expect(t.x + w / 2, t.text).toBeLessThanOrEqual(A4_PORTRAIT.width - 40);
      expect(t.y, t.text).toBeGreaterThan(20);
      expect(t.y, t.text).toBeLessThan(A4_PORTRAIT.height - 20);
    }
    return layout;
  };

  it('keeps every line on the paper and off the QR code, for a short and a very long name', () => {
    for (const d of [
      poster(),
      poster({
        institutionName: longName,
        title: `${longName} ${longName}`,
        url: `${poster().url}?kanal=in_person&sprawa=social_support`,
      }),
    ]) {
      const { texts, qr } = inside(d);
      expect(qr.size).toBeGreaterThanOrEqual(200);
      for (const t of texts) {
        const overlaps = t.y > qr.bottom - 16 - t.style.size && t.y < qr.bottom + qr.size + 16;
        expect(overlaps, t.text).toBe(false);
      }
    }
  });

  it('wraps a long name in at most three lines, shrinking first, ellipsis only as the last resort', () => {
    const fitted = fitText(longName, fonts.bold, { max: 28, min: 15, width: 499, maxLines: 3 });
    expect(fitted.lines.length).toBeLessThanOrEqual(3);
    expect(fitted.size).toBeLessThan(28);
    for (const l of fitted.lines)
      expect(textWidth(l, { font: fonts.bold, size: fitted.size })).toBeLessThanOrEqual(499);
    const short = fitText('Urząd Gminy', fonts.bold, { max: 28, min: 15, width: 499, maxLines: 3 });
    expect(short).toEqual({ lines: ['Urząd Gminy'], size: 28 });
  });

  it('breaks a word wider than the column rather than letting it run off the paper', () => {
    const word = 'Bardzodługanazwabezspacjiktóraniemieścisięwjednejlinii'.repeat(2);
    const fitted = fitText(word, fonts.bold, { max: 28, min: 15, width: 300, maxLines: 3 });
    for (const l of fitted.lines)
      expect(textWidth(l, { font: fonts.bold, size: fitted.size })).toBeLessThanOrEqual(300);
  });

  it('prints the invitation, the period and the link in the chosen language', () => {
    const texts = (d: PosterData) => posterLayout(d, fonts).texts.map((t) => t.text);
    expect(texts(poster())).toEqual(
      expect.arrayContaining([
        'Jak oceniasz naszą obsługę?',
        'Zeskanuj kod i odpowiedz w 30 sekund',
        'Ankieta trwa od 1 lutego 2026 r. do 31 grudnia 2026 r.',
        'https://konkurs.example.org/ankieta/s-1',
      ]),
    );
    expect(texts(poster({ language: 'en' }))).toEqual(
      expect.arrayContaining([
        'How would you rate our service?',
        'The survey runs from 1 February 2026 to 31 December 2026',
      ]),
    );
  });
});

describe.skipIf(!poppler)('survey poster: the PDF', () => {
  it('keeps every Polish letter extractable in a later poster of the same process (fonts reused)', async () => {
    await renderPoster(poster({ institutionName: 'ÓSEMKA Ą' }), new Date('2026-03-01T10:00:00Z'));
    const pdf = await renderPoster(poster({ institutionName: longName }), new Date('2026-03-01T10:00:00Z'));
    const text = pdfText(pdf, false).replace(/\s+/g, ' ');
    expect(text).toContain('Miejski Ośrodek Pomocy Społecznej');
    expect(text).toContain('BADANIE SATYSFAKCJI MIESZKAŃCÓW');
    expect(decodeQr(pdf)).toBe(poster().url);
  });
});
