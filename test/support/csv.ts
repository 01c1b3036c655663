import { expect } from 'vitest';

/**
 * Reads a CSV as Polish Excel would: it must start with the UTF-8 BOM, fields are separated by `;`,
 * records end with CRLF, quoted fields (RFC 4180) may hold `;`, `""` and line breaks.
 */
export function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0), 'the CSV starts with a UTF-8 BOM').toBe(0xfeff);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ';') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      expect(ch, `a bare line break at ${i} (records end with CRLF)`).not.toMatch(/[\r\n]/);
      field += ch;
    }
  }
  expect(field === '' && record.length === 0, 'the last record ends with CRLF').toBe(true);
  return records;
}
