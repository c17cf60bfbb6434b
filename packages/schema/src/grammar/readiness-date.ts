// Readiness dates (contract.md §3.12.5): exactly `YYYY-MM-DD`, a real calendar day.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The calendar date of `text`, or undefined when it is not a valid readiness date. */
export function parseReadinessDate(text: string): CalendarDate | undefined {
  const match = DATE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True when `text` is a valid readiness date. */
export function isReadinessDate(text: string): boolean {
  return parseReadinessDate(text) !== undefined;
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian; exact for years 0000-9999). */
export function epochDay(date: CalendarDate): number {
  // Date.UTC maps years 0-99 to 1900-1999, so shift by 400 years (146097 days) around it.
  const shifted = Date.UTC(date.year + 400, date.month - 1, date.day) / 86_400_000;
  return Math.round(shifted) - 146_097;
}
