import { warsawWallTime } from '../exports/spreadsheet';

/**
 * The audit log's days are Polish calendar days (issue 16 §2): what an organizer means by "1 March"
 * runs from midnight in Warsaw to the next midnight. Entries are stored in UTC-day partitions, so a
 * Polish day is the evening of the previous UTC day plus most of its own. Pure.
 */

const HOUR = 3_600_000;

/** The instant of midnight in Warsaw at the start of `day` (YYYY-MM-DD): 23:00 or 22:00 UTC the day before. */
export function warsawMidnight(day: string): string {
  const wall = Date.parse(`${day}T00:00:00.000Z`);
  // Poland is UTC+1 in winter and UTC+2 in summer; clocks change at 2:00/3:00, so midnight always exists once.
  for (const offset of [1, 2]) {
    const instant = new Date(wall - offset * HOUR).toISOString();
    if (warsawWallTime(instant).getTime() === wall) return instant;
  }
  throw new Error(`No Warsaw midnight on ${day}`);
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 24 * HOUR).toISOString().slice(0, 10);

/** The Polish day as instants: from its midnight (included) to the next midnight (excluded). */
export function auditDayWindow(day: string): { start: string; end: string } {
  return { start: warsawMidnight(day), end: warsawMidnight(nextDay(day)) };
}

/** Today in Poland (YYYY-MM-DD): the audit view's default day. */
export const warsawToday = (now: Date): string => warsawWallTime(now.toISOString()).toISOString().slice(0, 10);
