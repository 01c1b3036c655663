import { describe, expect, it } from 'vitest';
import { tinyPdf } from '../../infra/local/demo-edition';
import { AppError } from '../../shared/errors';
import {
  attachmentFileName,
  checkDeclared,
  checkUploaded,
  FEEDBACK_ATTACHMENT_MAX_BYTES,
  parseSlotBlobKey,
  slotBlobKey,
} from '../../shared/feedback/attachment';
import { tinyPng } from '../../shared/feedback/tiny-png';

/** The field error a check throws (Polish and English), or null when it passes. */
function problem(check: () => unknown): { pl: string; en: string } | null {
  try {
    check();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    return (error.fields?.attachment as { pl: string; en: string } | undefined) ?? null;
  }
}

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

describe('feedback attachment checks', () => {
  it('judge the bytes by their magic numbers: PDF, JPEG and PNG pass, anything else fails whatever it claims', () => {
    expect(checkUploaded(tinyPdf('x'))).toBe('pdf');
    expect(checkUploaded(jpeg)).toBe('jpeg');
    expect(checkUploaded(tinyPng())).toBe('png');
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00]);
    const docx = new TextEncoder().encode('PK\u0003\u0004[Content_Types].xml word/document.xml');
    const html = new TextEncoder().encode('<html><script>alert(1)</script>');
    for (const bytes of [exe, docx, html, new Uint8Array([0x25, 0x50, 0x44])]) {
      expect(problem(() => checkUploaded(bytes))?.en).toBe(
        'The file’s content is not a PDF, JPEG or PNG, whatever its name or type.',
      );
    }
  });

  it('refuse an empty and an oversized file, in Polish and English', () => {
    expect(problem(() => checkUploaded(new Uint8Array()))).toEqual({
      pl: 'Plik jest pusty.',
      en: 'The file is empty.',
    });
    const big = new Uint8Array(FEEDBACK_ATTACHMENT_MAX_BYTES + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(problem(() => checkUploaded(big))?.pl).toBe('Plik ma 5 MB, a limit to 5 MB.');
    expect(problem(() => checkUploaded(big.subarray(0, FEEDBACK_ATTACHMENT_MAX_BYTES)))).toBeNull();
  });

  it('check the declared type and size before a slot is given', () => {
    expect(checkDeclared('image/JPEG', 10)).toBe('jpeg');
    expect(checkDeclared('application/pdf; charset=binary', 10)).toBe('pdf');
    expect(problem(() => checkDeclared('image/gif', 10))?.en).toBe('The attachment may be a PDF, JPEG or PNG file.');
    expect(problem(() => checkDeclared('image/png', 0))?.en).toBe('The file is empty.');
    expect(problem(() => checkDeclared('image/png', 6 * 1024 * 1024))?.en).toBe('The file is 6 MB; the limit is 5 MB.');
  });

  it('name blobs and downloads from ids only', () => {
    const slot = 'a'.repeat(32);
    expect(parseSlotBlobKey(slotBlobKey(slot))).toBe(slot);
    expect(parseSlotBlobKey('feedback-slots/../x')).toBeNull();
    expect(parseSlotBlobKey(`applications/${slot}`)).toBeNull();
    expect(attachmentFileName('01J0000000000000000000000', 'jpeg')).toBe('opinia-01J0000000000000000000000.jpg');
  });
});
