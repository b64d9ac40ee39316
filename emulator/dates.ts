/**
 * Date helpers: spreadsheet serial numbers (days since 1899-12-30, like Sheets and Excel) and
 * wall-clock parts in a spreadsheet time zone.
 */

const MS_PER_DAY = 86400000;
/** 1899-12-30T00:00:00Z, the epoch of spreadsheet serial numbers. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** English month and weekday names, as Sheets' en_US number formats and Utilities.formatDate print them. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface WallClock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(timeZone, f);
  }
  return f;
}

function isUtc(timeZone: string): boolean {
  return timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'Etc/GMT' || timeZone === 'GMT';
}

/** Wall-clock parts of an instant in a time zone. */
export function wallClock(ms: number, timeZone: string): WallClock {
  if (isUtc(timeZone)) {
    const d = new Date(ms);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
    };
  }
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const year = get('year');
  const month = get('month');
  const day = get('day');
  const msPart = ((ms % 1000) + 1000) % 1000;
  return {
    year,
    month,
    day,
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
    millisecond: msPart,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** Offset (ms) of a time zone from UTC at an instant: local = utc + offset. */
export function zoneOffset(ms: number, timeZone: string): number {
  if (isUtc(timeZone)) return 0;
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return asUtc - ms;
}

/** The instant at which the wall clock in `timeZone` shows the given local date-time. */
export function zonedInstant(
  year: number,
  month: number,
  day: number,
  timeZone: string,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (isUtc(timeZone)) return guess;
  let ms = guess - zoneOffset(guess, timeZone);
  const again = guess - zoneOffset(ms, timeZone);
  if (again !== ms) ms = again;
  return ms;
}

/** Spreadsheet serial number of an instant, as seen in the spreadsheet's time zone. */
export function dateToSerial(ms: number, timeZone: string): number {
  const local = ms + zoneOffset(ms, timeZone);
  return (local - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

/** Instant of a spreadsheet serial number in the spreadsheet's time zone. */
export function serialToDate(serial: number, timeZone: string): number {
  const localMs = Math.round(serial * MS_PER_DAY) + SERIAL_EPOCH_UTC;
  const d = new Date(localMs);
  return zonedInstant(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    timeZone,
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

/** Wall-clock parts of a serial number (no time zone involved: serials are local already). */
export function serialParts(serial: number): WallClock {
  const d = new Date(Math.round(serial * MS_PER_DAY) + SERIAL_EPOCH_UTC);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
