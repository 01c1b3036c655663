import { describe, expect, it } from 'vitest';
import { feeCsv, feeHeader, feeRows } from '../../shared/results/fee-list';
import { laureateResult } from '../support/results-fixtures';

/**
 * The laureates' fee list (issue 14 §7): for invoicing in Polish Excel — UTF-8 BOM, `;`, CRLF, comma
 * decimals, quoted names where needed, the discount column, sorted by Polish collation.
 */
describe('feeRows', () => {
  it('one row per laureate (others have no fee), sorted by Polish collation: Ł after L, before M', () => {
    const rows = feeRows([
      laureateResult('z', 'Zakład Gospodarki Komunalnej'),
      laureateResult('l2', 'Łódzki Urząd Wojewódzki'),
      laureateResult('n', 'Miejski Ośrodek Pomocy Społecznej', { outcome: 'notAwarded' }),
      laureateResult('d', 'Urząd Wyróżniony', { outcome: 'distinction' }),
      laureateResult('m', 'Miejski Urząd Pracy'),
      laureateResult('l1', 'Lubelski Urząd Skarbowy'),
    ]);
    expect(rows.map((r) => r[0])).toEqual([
      'Lubelski Urząd Skarbowy',
      'Łódzki Urząd Wojewódzki',
      'Miejski Urząd Pracy',
      'Zakład Gospodarki Komunalnej',
    ]);
  });

  it('amounts in złoty; the discount for a returning laureate in its own columns', () => {
    const [fresh] = feeRows([laureateResult('a', 'Urząd Gminy Nowa', { bracket: '41-100' })]);
    const [returning] = feeRows([laureateResult('b', 'Urząd Gminy Stara', { bracket: '41-100', returning: true })]);
    const columns = (row: (string | number)[] | undefined) =>
      Object.fromEntries(feeHeader.map((h, i) => [h, row?.[i]]));
    expect(columns(fresh)).toMatchObject({
      'Liczba pracowników': '41–100',
      'Opłata wg cennika netto (zł)': 4800,
      'Rabat (%)': 0,
      'Rabat (zł)': 0,
      'Netto (zł)': 4800,
      'VAT 23% (zł)': 1104,
      'Brutto (zł)': 5904,
      'Laureat poprzedniej edycji': 'nie',
    });
    expect(columns(returning)).toMatchObject({
      'Opłata wg cennika netto (zł)': 4800,
      'Rabat (%)': 10,
      'Rabat (zł)': 480,
      'Netto (zł)': 4320,
      'VAT 23% (zł)': 993.6,
      'Brutto (zł)': 5313.6,
      'Laureat poprzedniej edycji': 'tak',
    });
  });

  it('names the brackets as people read them', () => {
    const rows = feeRows([
      laureateResult('a', 'A', { bracket: '0-20' }),
      laureateResult('b', 'B', { bracket: '201+' }),
    ]);
    expect(rows.map((r) => r[3])).toEqual(['0–20', 'powyżej 200']);
  });
});

describe('feeCsv', () => {
  const csv = feeCsv(
    feeRows([
      laureateResult('q', 'Urząd "Przyjazny"; Gmina Ż', { bracket: '21-40', returning: true, town: 'Żary' }),
      laureateResult('p', 'Powiatowy Urząd Pracy', { bracket: '0-20' }),
    ]),
  );

  it('starts with a UTF-8 BOM and the Polish header, `;`-separated, CRLF line ends (a final one too)', () => {
    expect(csv.startsWith(`\uFEFF${feeHeader.join(';')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('writes money with comma decimals and the discount percent as a whole number', () => {
    const lines = csv.split('\r\n');
    // 0–20: 3 500,00 net, VAT 805,00, gross 4 305,00; no discount.
    expect(lines[1]).toBe(
      'Powiatowy Urząd Pracy;5260250274;Gdańsk;0–20;Wszystkie instytucje;3500,00;0;0,00;3500,00;805,00;4305,00;nie',
    );
    // 21–40 returning: 4 100,00 − 10 % (410,00) = 3 690,00 net, VAT 848,70, gross 4 538,70.
    expect(lines[2]).toBe(
      '"Urząd ""Przyjazny""; Gmina Ż";5260250274;Żary;21–40;Wszystkie instytucje;4100,00;10;410,00;3690,00;848,70;4538,70;tak',
    );
  });

  it('quotes a name with `;` or `"` (doubling the quotes) and nothing else', () => {
    const lines = feeCsv(
      feeRows([
        laureateResult('a', 'Urząd; z średnikiem'),
        laureateResult('b', 'Urząd "w cudzysłowie"'),
        laureateResult('c', 'Urząd zwykły, z przecinkiem'),
      ]),
    ).split('\r\n');
    expect(lines.slice(1, 4).map((l) => l.split(';5260250274;')[0])).toEqual([
      '"Urząd ""w cudzysłowie"""',
      'Urząd zwykły, z przecinkiem',
      '"Urząd; z średnikiem"',
    ]);
  });

  it('an empty list is the header alone', () => {
    expect(feeCsv([])).toBe(`\uFEFF${feeHeader.join(';')}\r\n`);
  });
});
