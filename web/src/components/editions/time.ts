/**
 * Europe/Warsaw wall time ↔ instants. The organizer types dates in <input type="datetime-local">
 * as Polish time whatever the browser's zone is; the API stores instants with their offset.
 */
const ZONE = 'Europe/Warsaw';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallParts(ms: number) {
  const p = Object.fromEntries(partsFormat.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return {
    y: Number(p.year),
    mo: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour) % 24,
    mi: Number(p.minute),
    s: Number(p.second),
  };
}

/** Warsaw's offset from UTC at that moment, in minutes (60 or 120). */
function offsetMinutes(ms: number): number {
  const w = wallParts(ms);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** An instant as the value of a datetime-local input in Warsaw time ("2026-03-31T23:59"); '' when unset or invalid. */
export function toWarsawInput(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const w = wallParts(ms);
  return `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/** A datetime-local value read as Warsaw time, as an instant with its offset ("2026-03-31T23:59:00+02:00"); '' when not a date. */
export function fromWarsawInput(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return '';
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // The offset at the guessed instant; a second pass settles the days the clocks change.
  let offset = offsetMinutes(wall - 60 * 60000);
  offset = offsetMinutes(wall - offset * 60000);
  const sign = offset >= 0 ? '+' : '-';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${pad(s)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** Days from now at a given Warsaw wall time, as a datetime-local value (form defaults). */
export function warsawInputInDays(days: number, time: string): string {
  const day = toWarsawInput(new Date(Date.now() + days * 86_400_000).toISOString()).slice(0, 10);
  return `${day}T${time}`;
}

/** "31.03.2026, 23:59" in Warsaw time, in the UI's language. */
export function formatWarsaw(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'pl-PL', {
    timeZone: ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(ms));
}

/** "2 grudnia 2027" in Warsaw time: a day, for validity dates that need no hour. */
export function formatWarsawDate(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'pl-PL', { timeZone: ZONE, dateStyle: 'long' }).format(
    new Date(ms),
  );
}

/** Bytes as people read them: "1,2 MB". */
export function formatSize(bytes: number | undefined, language: string): string {
  if (bytes === undefined) return '';
  const locale = language === 'en' ? 'en-GB' : 'pl-PL';
  const units = ['B', 'kB', 'MB', 'GB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(n)} ${units[u]}`;
}
