import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canMove,
  type Feedback,
  FeedbackInput,
  feedbackStatuses,
  moved,
  nextStatuses,
  publicView,
} from '../../shared/feedback/feedback';
import {
  newTrackingCode,
  normalizeTrackingCode,
  TRACKING_CODE_BYTES,
  trackingCodeHash,
} from '../../shared/feedback/tracking-code';
import { safeParse } from 'zod/mini';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const bytes10 = fc.uint8Array({ minLength: 10, maxLength: 10 });

/** An independent decoder: the code's symbols back to bytes, 5 bits each. */
function decode(code: string): Uint8Array {
  const bits = [...code.replace(/-/g, '')].map((s) => ALPHABET.indexOf(s).toString(2).padStart(5, '0')).join('');
  return Uint8Array.from(bits.match(/.{8}/g) ?? [], (b) => Number.parseInt(b, 2));
}

describe('tracking codes', () => {
  it('carry at least 80 random bits, in four groups of four Crockford symbols, and decode back to them', () => {
    expect(TRACKING_CODE_BYTES * 8).toBeGreaterThanOrEqual(80);
    fc.assert(
      fc.property(bytes10, (bytes) => {
        const code = newTrackingCode(bytes);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
        expect(decode(code)).toEqual(bytes);
        expect(normalizeTrackingCode(code)).toBe(code);
      }),
    );
    expect(newTrackingCode(new Uint8Array(10))).toBe('0000-0000-0000-0000');
    expect(newTrackingCode(new Uint8Array(10).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  });

  it('read what a resident types: any case, spaces or no hyphens, I/L as 1 and O as 0', () => {
    fc.assert(
      fc.property(bytes10, fc.boolean(), (bytes, spaces) => {
        const code = newTrackingCode(bytes);
        const typed = code
          .toLowerCase()
          .replace(/-/g, spaces ? ' ' : '')
          .replace(/1/g, 'l')
          .replace(/0/g, 'o');
        expect(normalizeTrackingCode(typed)).toBe(code);
      }),
    );
    expect(normalizeTrackingCode(' 7k2m qx4d 9rtb vn3h ')).toBe('7K2M-QX4D-9RTB-VN3H');
  });

  it('refuse what cannot be a code: a wrong length, U or other symbols, an over-long input', () => {
    for (const bad of ['', '7K2M-QX4D-9RTB-VN3', '7K2M-QX4D-9RTB-VN3HX', '7K2M-QX4D-9RTB-VN3U', '7K2M-QX4D-9RTB-VN3!'])
      expect(normalizeTrackingCode(bad), bad).toBeNull();
    expect(normalizeTrackingCode(`${'-'.repeat(60)}7K2MQX4D9RTBVN3H`)).toBeNull();
  });

  it('are stored only as a hash that does not contain the code, the same for every way of typing it', () => {
    const code = newTrackingCode(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const hash = trackingCodeHash(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash.toUpperCase()).not.toContain(code.replace(/-/g, ''));
    expect(trackingCodeHash(normalizeTrackingCode(code.toLowerCase()) ?? '')).toBe(hash);
  });

  it('throw on a wrong number of bytes (a bug, never a weaker code)', () => {
    expect(() => newTrackingCode(new Uint8Array(9))).toThrow(RangeError);
  });
});

const item: Feedback = {
  feedbackId: '01J0000000000000000000000',
  institutionId: 'inst',
  institutionName: 'Urząd Miasta',
  category: 'complaint',
  text: 'Długo czekałem',
  replyEmail: 'mieszkaniec@example.com',
  status: 'new',
  privateNote: 'notatka',
  submittedAt: '2026-03-01T10:00:00.000Z',
  submittedOn: '2026-03-01',
  updatedAt: '2026-03-01T10:00:00.000Z',
  version: 1,
};

describe('feedback status rules', () => {
  it('go new → in progress → answered → closed; closed is final; answered may be reopened', () => {
    expect(canMove('new', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'answered')).toBe(true);
    expect(canMove('answered', 'closed')).toBe(true);
    expect(canMove('answered', 'in_progress')).toBe(true);
    expect(nextStatuses('closed')).toEqual([]);
    expect(canMove('in_progress', 'new')).toBe(false);
    for (const s of feedbackStatuses) expect(canMove(s, s), s).toBe(false);
  });

  it('keep the first answer day when reopened and answered again; stamp the close day', () => {
    const answered = { ...item, ...moved(item, 'answered', '2026-03-05', 'x') };
    expect(answered.answeredOn).toBe('2026-03-05');
    const reopened = { ...answered, ...moved(answered, 'in_progress', '2026-03-06', 'y') };
    const again = { ...reopened, ...moved(reopened, 'answered', '2026-03-09', 'z') };
    expect(again.answeredOn).toBe('2026-03-05');
    expect(moved(again, 'closed', '2026-03-10', 'w').closedOn).toBe('2026-03-10');
  });

  it('show the public only the status, dates and the public answer — never the e-mail, text or private note', () => {
    const view = publicView({ ...item, publicAnswer: 'Dziękujemy' });
    expect(view).toEqual({
      institutionName: 'Urząd Miasta',
      category: 'complaint',
      status: 'new',
      submittedOn: '2026-03-01',
      publicAnswer: 'Dziękujemy',
      hasAttachment: false,
    });
  });

  it('accept a text up to 2,000 characters and a valid optional e-mail, naming the field otherwise', () => {
    expect(safeParse(FeedbackInput, { category: 'praise', text: 'a'.repeat(2000) }).success).toBe(true);
    const long = safeParse(FeedbackInput, { category: 'praise', text: 'a'.repeat(2001) });
    expect(long.error?.issues.map((i) => i.path.join('.'))).toEqual(['text']);
    const mail = safeParse(FeedbackInput, { category: 'praise', text: 'ok', email: 'nie-mail' });
    expect(mail.error?.issues.map((i) => i.path.join('.'))).toEqual(['email']);
    expect(safeParse(FeedbackInput, { category: 'rant', text: 'ok' }).success).toBe(false);
  });
});
