import type { FileKind } from '../editions/questionnaire';

/**
 * What a file is, judged by its first bytes and never by its name: a `.exe` renamed to `.pdf`
 * starts with "MZ", not "%PDF-". Office Open XML and OpenDocument files are ZIP archives; they are
 * told apart by the entries a genuine one starts with.
 */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    // Entry names are stored uncompressed in the local headers; a bounded look is enough.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return 'odt';
    if (head.includes('[Content_Types].xml') || head.includes('_rels/.rels')) {
      if (head.includes('word/')) return 'docx';
      if (head.includes('xl/')) return 'xlsx';
    }
  }
  return null;
}

/** The kind a file name claims by its extension (".jpg" counts as JPEG); the content is checked separately. */
export function kindOfFileName(name: string): string | undefined {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase();
  return extension === 'jpg' ? 'jpeg' : extension;
}

export const contentTypeOf: Record<FileKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
};

/**
 * A file name safe to show and to send in Content-Disposition: no path, no control or text-direction
 * characters, at most 200 characters — cut in the stem, so the extension (what the file is) stays.
 */
export function safeFileName(name: string): string {
  const MAX = 200;
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069"]/gu, '').trim();
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  const stem = [...cleaned.slice(0, cleaned.length - extension.length)];
  const kept =
    stem.length + extension.length > MAX
      ? stem
          .slice(0, MAX - extension.length)
          .join('')
          .trimEnd()
      : stem.join('');
  return kept === '' || kept === '.' || kept === '..' ? `plik${extension}` : `${kept}${extension}`;
}
