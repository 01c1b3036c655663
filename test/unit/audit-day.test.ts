import { describe, expect, it } from 'vitest';
import { auditDayWindow, warsawMidnight, warsawToday } from '../../shared/audit/audit-day';

describe('the audit log’s Polish days (issue 16 §2)', () => {
  it('run from midnight in Warsaw to the next: 24 hours, 23 on the spring change, 25 on the autumn one', () => {
    expect(auditDayWindow('2026-01-15')).toEqual({
      start: '2026-01-14T23:00:00.000Z',
      end: '2026-01-15T23:00:00.000Z',
    });
    expect(auditDayWindow('2026-07-15')).toEqual({
      start: '2026-07-14T22:00:00.000Z',
      end: '2026-07-15T22:00:00.000Z',
    });
    const hours = (day: string) => {
      const { start, end } = auditDayWindow(day);
      return (Date.parse(end) - Date.parse(start)) / 3_600_000;
    };
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(warsawMidnight('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
    expect(warsawMidnight('2026-10-26')).toBe('2026-10-25T23:00:00.000Z');
  });

  it('today is the date on a clock in Poland', () => {
    expect(warsawToday(new Date('2026-03-01T22:59:59Z'))).toBe('2026-03-01');
    expect(warsawToday(new Date('2026-03-01T23:00:00Z'))).toBe('2026-03-02');
    expect(warsawToday(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(warsawToday(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
