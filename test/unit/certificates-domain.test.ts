import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Certificate,
  certificateNumber,
  verificationStatus,
  verifyPath,
} from '../../shared/certificates/certificate';
import { newCertificateCode, normalizeCode } from '../../shared/certificates/certificate-code';
import { certificateBlobKey, certificateFileSpec, downloadName } from '../../shared/certificates/certificate-files';
import { certificateSummary } from '../../shared/certificates/certificate-summary';
import { certificateCode } from '../../shared/certificates/keyed-code';
import { assertSafeBlobKey } from '../../shared/platform/blob-store';
import { certificateFiles } from '../../shared/certificates/certificate';
import { certificateData } from '../support/credential-fixtures';

const validUntil = '2027-03-01T10:00:00.000Z';
const cert = (status: Certificate['status']) =>
  ({ status, data: { validUntil } }) as Pick<Certificate, 'status' | 'data'>;

describe('verification status (issue 15 §4)', () => {
  it('valid up to the last millisecond, expired from the validity’s end', () => {
    expect(verificationStatus(cert('issued'), new Date(Date.parse(validUntil) - 1))).toBe('valid');
    expect(verificationStatus(cert('issued'), new Date(validUntil))).toBe('expired');
    expect(verificationStatus(cert('issued'), new Date('2030-01-01T00:00:00Z'))).toBe('expired');
  });

  it('revoked and superseded whatever the date; a certificate not yet rendered is unknown', () => {
    for (const at of ['2026-01-01T00:00:00Z', '2030-01-01T00:00:00Z']) {
      expect(verificationStatus(cert('revoked'), new Date(at))).toBe('revoked');
      expect(verificationStatus(cert('superseded'), new Date(at))).toBe('superseded');
      expect(verificationStatus(cert('pending'), new Date(at))).toBeNull();
      expect(verificationStatus(cert('failed'), new Date(at))).toBeNull();
    }
  });
});

describe('numbers, codes and file names', () => {
  it('numbers are PU/<year>/<four digits> and grow past 9999 without losing digits', () => {
    expect(certificateNumber(2024, 7)).toBe('PU/2024/0007');
    expect(certificateNumber(2024, 12345)).toBe('PU/2024/12345');
  });

  it('a keyed code is canonical, the same for the same (edition, application, issue) and different otherwise', () => {
    const key = new Uint8Array(32).fill(1);
    const code = certificateCode(key, 'E1', 'A1', 1);
    expect(normalizeCode(code)).toBe(code);
    expect(certificateCode(key, 'E1', 'A1', 1)).toBe(code);
    expect(certificateCode(key, 'E1', 'A1', 2)).not.toBe(code);
    expect(certificateCode(key, 'E1', 'A2', 1)).not.toBe(code);
    expect(certificateCode(new Uint8Array(32).fill(2), 'E1', 'A1', 1)).not.toBe(code);
  });

  it('every code gives safe, distinct blob keys (a check symbol may be * ~ $ = U)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (a, b) => {
          const [x, y] = [newCertificateCode(a), newCertificateCode(b)];
          for (const file of certificateFiles)
            expect(() => assertSafeBlobKey(certificateBlobKey({ editionId: 'E1', code: x }, file))).not.toThrow();
          if (x !== y)
            expect(certificateBlobKey({ editionId: 'E1', code: x }, 'pdf')).not.toBe(
              certificateBlobKey({ editionId: 'E1', code: y }, 'pdf'),
            );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('download names carry the number, never the code', () => {
    expect(downloadName({ certificateNumber: 'PU/2024/0007' }, 'pdf')).toBe('certyfikat-PU-2024-0007.pdf');
    expect(downloadName({ certificateNumber: 'PU/2024/0007' }, 'emblem-png')).toBe('godlo-PU-2024-0007.png');
    expect(new Set(certificateFiles.map((f) => certificateFileSpec[f].name)).size).toBe(certificateFiles.length);
  });

  it('verification paths: Polish by default, English under /en/verify', () => {
    expect(verifyPath('ABC')).toBe('/weryfikacja/ABC');
    expect(verifyPath('ABC', 'en')).toBe('/en/verify/ABC');
  });
});

describe('the summary', () => {
  it('shows a failure only while failed, and the re-issue links', () => {
    const base = {
      code: 'C1',
      editionId: 'E1',
      applicationId: 'A1',
      institutionId: 'I1',
      issueNo: 2,
      certificateNumber: 'PU/2024/0003',
      seq: 3,
      data: certificateData({
        validUntil,
        certificateNumber: 'PU/2024/0003',
      }),
      status: 'issued',
      attempts: 2,
      error: 'stale message',
      replaces: 'C0',
      createdAt: '2026-03-01T10:00:00.000Z',
      requestedBy: { label: 'x' },
      version: 3,
    } satisfies Certificate;
    const issued = certificateSummary(base);
    expect(issued.error).toBeUndefined();
    expect(issued.replaces).toBe('C0');
    expect(issued.institution).toEqual({ name: 'Urząd Gminy Łęczna', town: 'Łęczna' });
    expect(certificateSummary({ ...base, status: 'failed' }).error).toBe('stale message');
  });
});
