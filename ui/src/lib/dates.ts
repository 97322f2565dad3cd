// Dates as people type them: `1/15/2027`, `15 Jan 2027`, `2027-01-15`, `jan 15`, `+2w`,
// `next fri`. The field reads the text back ("Fri, Jan 15, 2027") before the person
// leaves it, so an ambiguous entry is seen, not guessed silently. Everything here is a
// pure function of the text, today and the locale's order, so it is tested without a
// window; the store keeps `YYYY-MM-DD`.

/** The order of day, month and year in numeric dates: US first, then the locale's. */
export type DayOrder = 'mdy' | 'dmy' | 'ymd';

export type TypedDate =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  | { kind: 'invalid'; message: string };

const MS_PER_DAY = 86_400_000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Month number (0–11) of a month's name or its abbreviation ("sept" too), or -1. */
function monthOf(word: string): number {
  if (word.length < 3) return -1;
  const index = MONTHS.indexOf(word.slice(0, 3));
  if (index < 0) return -1;
  const full = MONTH_NAMES[index]!.toLowerCase();
  return full.startsWith(word) || word === 'sept' ? index : -1;
}

/** Weekday number (0 = Sunday) of a weekday's name or abbreviation ("thurs"), or -1. */
function weekdayOf(word: string): number {
  if (word.length < 2) return -1;
  const index = WEEKDAYS.findIndex((w) => word.startsWith(w.slice(0, Math.min(word.length, 3))));
  if (index < 0) return -1;
  const full = WEEKDAY_NAMES[index]!.toLowerCase();
  const abbreviations = ['tues', 'weds', 'thur', 'thurs'];
  return full.startsWith(word) || abbreviations.includes(word) ? index : -1;
}

/** The calendar day as `YYYY-MM-DD`. */
export function isoOf(day: Date): string {
  return day.toISOString().slice(0, 10);
}

function utcDay(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month, day));
  date.setUTCFullYear(year); // years 0–99 would otherwise be read as 1900–1999
  return date.getUTCMonth() === month && date.getUTCDate() === day ? date : null;
}

function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * MS_PER_DAY);
}

/** Adds calendar months, keeping the day or the month's last day (Jan 31 + 1m = Feb 28). */
function addMonths(day: Date, months: number): Date {
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day.getUTCDate(), last));
  return target;
}

function noSuchDay(year: number, month: number, day: number): TypedDate {
  return { kind: 'invalid', message: `${MONTH_NAMES[month]} ${year} has no day ${day}.` };
}

function dated(year: number, month: number, day: number): TypedDate {
  if (month < 0 || month > 11) return { kind: 'invalid', message: `There is no month ${month + 1}.` };
  const date = utcDay(year, month, day);
  return date ? { kind: 'date', iso: isoOf(date) } : noSuchDay(year, month, day);
}

/** A year written with two digits is this century's: `27` is 2027. */
function fullYear(text: string): number {
  const year = Number(text);
  return text.length <= 2 ? 2000 + year : year;
}

/** Without a year, the month and day nearest to today: "jan 15" in December is next January. */
function nearest(month: number, day: number, today: Date): TypedDate {
  const year = today.getUTCFullYear();
  const candidates = [year - 1, year, year + 1]
    .map((y) => utcDay(y, month, day))
    .filter((d): d is Date => d !== null);
  if (candidates.length === 0) return noSuchDay(year, month, day);
  const best = candidates.reduce((a, b) =>
    Math.abs(b.getTime() - today.getTime()) < Math.abs(a.getTime() - today.getTime()) ? b : a);
  return { kind: 'date', iso: isoOf(best) };
}

const RELATIVE_UNITS: Record<string, 'd' | 'w' | 'm' | 'y'> = {
  d: 'd', day: 'd', days: 'd',
  w: 'w', wk: 'w', wks: 'w', week: 'w', weeks: 'w',
  m: 'm', mo: 'm', mos: 'm', month: 'm', months: 'm',
  y: 'y', yr: 'y', yrs: 'y', year: 'y', years: 'y',
};

function shifted(today: Date, amount: number, unit: 'd' | 'w' | 'm' | 'y'): Date {
  switch (unit) {
    case 'd': return addDays(today, amount);
    case 'w': return addDays(today, amount * 7);
    case 'm': return addMonths(today, amount);
    case 'y': return addMonths(today, amount * 12);
  }
}

/** `today`, `tomorrow`, `+2w`, `-3d`, `in 2 weeks`, `3 days ago`, `next month`. */
function relative(text: string, today: Date): TypedDate | null {
  const named: Record<string, number> = { today: 0, tod: 0, now: 0, tomorrow: 1, tmr: 1, tmrw: 1, yesterday: -1 };
  if (text in named) return { kind: 'date', iso: isoOf(addDays(today, named[text]!)) };

  let match = /^([+-])\s*(\d{1,4})\s*([a-z]*)$/.exec(text);
  if (match) {
    const unit = match[3] ? RELATIVE_UNITS[match[3]] : 'd';
    if (!unit) return null;
    const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
    return { kind: 'date', iso: isoOf(shifted(today, amount, unit)) };
  }
  match = /^in\s+(\d{1,4})\s*([a-z]+)$/.exec(text) ?? /^(\d{1,4})\s*([a-z]+)\s+from\s+(?:now|today)$/.exec(text);
  if (match && RELATIVE_UNITS[match[2]!]) {
    return { kind: 'date', iso: isoOf(shifted(today, Number(match[1]), RELATIVE_UNITS[match[2]!]!)) };
  }
  match = /^(\d{1,4})\s*([a-z]+)\s+ago$/.exec(text);
  if (match && RELATIVE_UNITS[match[2]!]) {
    return { kind: 'date', iso: isoOf(shifted(today, -Number(match[1]), RELATIVE_UNITS[match[2]!]!)) };
  }
  match = /^(next|last)\s+(week|month|year)$/.exec(text);
  if (match) {
    const sign = match[1] === 'next' ? 1 : -1;
    return { kind: 'date', iso: isoOf(shifted(today, sign, RELATIVE_UNITS[match[2]!]!)) };
  }
  return null;
}

/**
 * `fri`, `this friday`: the next such day from today on (today counts);
 * `next fri`: the next one after today; `last fri`: the one before today.
 */
function weekday(text: string, today: Date): TypedDate | null {
  const match = /^(?:(this|next|last|coming)\s+)?([a-z]+)$/.exec(text);
  if (!match) return null;
  const target = weekdayOf(match[2]!);
  if (target < 0) return null;
  const current = today.getUTCDay();
  if (match[1] === 'last') {
    const back = (current - target + 7) % 7 || 7;
    return { kind: 'date', iso: isoOf(addDays(today, -back)) };
  }
  let ahead = (target - current + 7) % 7;
  if (ahead === 0 && (match[1] === 'next' || match[1] === 'coming')) ahead = 7;
  return { kind: 'date', iso: isoOf(addDays(today, ahead)) };
}

/** Numbers only: `2027-01-15`, `1/15/2027`, `15.1.27`, `1/15`, `20270115`. */
function numeric(text: string, today: Date, order: DayOrder): TypedDate | null {
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) return dated(Number(match[1]), Number(match[2]) - 1, Number(match[3]));

  match = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(text);
  if (!match) return null;
  let [first, second] = [Number(match[1]), Number(match[2])];
  // Day-first or month-first as the locale writes it; a "month" above 12 can only be
  // the day, so 15/1/2027 is read as January 15 in the US too (the read-back shows it).
  let monthFirst = order !== 'dmy';
  if (monthFirst && first > 12 && second <= 12) monthFirst = false;
  else if (!monthFirst && second > 12 && first <= 12) monthFirst = true;
  if (!monthFirst) [first, second] = [second, first];
  const [month, day] = [first - 1, second];
  if (month < 0 || month > 11) return { kind: 'invalid', message: `There is no month ${first}.` };
  if (match[3] === undefined) return nearest(month, day, today);
  return dated(fullYear(match[3]), month, day);
}

/** With a month's name: `15 Jan 2027`, `January 15, 2027`, `jan 15`, `Fri, Jan 15, 2027`. */
function named(text: string, today: Date): TypedDate | null {
  const words = text.split(/[\s,/.-]+/).filter(Boolean);
  let statedWeekday = -1;
  if (words.length > 1 && monthOf(words[0]!) < 0 && weekdayOf(words[0]!) >= 0) {
    statedWeekday = weekdayOf(words.shift()!);
  }
  const monthAt = words.findIndex((w) => monthOf(w) >= 0);
  if (monthAt < 0 || words.length > 3) return null;
  const month = monthOf(words[monthAt]!);
  const rest = words.filter((_, i) => i !== monthAt).map((w) => w.replace(/^'/, '').replace(/(st|nd|rd|th)$/, ''));
  if (!rest.every((w) => /^\d+$/.test(w))) return null;

  let day: number | undefined;
  let year: number | undefined;
  for (const word of rest) {
    if (word.length === 4 || (day !== undefined && year === undefined)) year = fullYear(word);
    else if (day === undefined) day = Number(word);
    else return null;
  }
  if (day === undefined) {
    const when = year === undefined ? MONTH_NAMES[month] : `${MONTH_NAMES[month]} ${year}`;
    return { kind: 'invalid', message: `Which day in ${when}?` };
  }
  const result = year === undefined ? nearest(month, day, today) : dated(year, month, day);
  if (result.kind === 'date' && statedWeekday >= 0) {
    const actual = new Date(`${result.iso}T00:00:00Z`).getUTCDay();
    if (actual !== statedWeekday) {
      return {
        kind: 'invalid',
        message: `${readBack(result.iso)} is a ${WEEKDAY_NAMES[actual]}, not a ${WEEKDAY_NAMES[statedWeekday]}.`,
      };
    }
  }
  return result;
}

/** An example in the locale's order, for messages and placeholders. */
export function dateExample(order: DayOrder): string {
  return order === 'dmy' ? '15/1/2027' : order === 'ymd' ? '2027-01-15' : '1/15/2027';
}

/** Reads what a person typed into a date field. `today` is a UTC calendar day. */
export function parseTypedDate(input: string, today: Date, order: DayOrder = 'mdy'): TypedDate {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.,]$/, '');
  if (text === '') return { kind: 'empty' };
  const result = relative(text, today) ?? weekday(text, today) ?? numeric(text, today, order) ?? named(text, today);
  return result ?? {
    kind: 'invalid',
    message: `Rollplan can't read "${input.trim()}" as a date. Type it like ${dateExample(order)}, Jan 15, +2w or next fri.`,
  };
}

const readBackFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC',
});

/** "Fri, Jan 15, 2027": the day spelled out, so 1/2 can't be mistaken for 2/1. */
export function readBack(iso: string): string {
  return readBackFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** The question a date raises before it is kept, or null when it is plausible. */
export function implausibility(iso: string, today: Date): string | null {
  const day = new Date(`${iso}T00:00:00Z`);
  if (day.getUTCFullYear() < 2000) {
    return `${readBack(iso)} is before 2000. Is the year right?`;
  }
  if (day.getTime() > addMonths(today, 120).getTime()) {
    return `${readBack(iso)} is more than ten years away. Is the year right?`;
  }
  return null;
}

/** The locale's order of day, month and year, read from how it writes a date. */
export function localeDayOrder(locale: string | undefined): DayOrder {
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(new Date(Date.UTC(2027, 0, 15)))
      .map((part) => part.type)
      .filter((type) => type === 'year' || type === 'month' || type === 'day');
    if (parts[0] === 'year') return 'ymd';
    if (parts[0] === 'day') return 'dmy';
  } catch {
    // An unknown locale tag: fall back to US order.
  }
  return 'mdy';
}

/** The weeks of a month for a calendar, Sunday first, with the days outside as null. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month, 1));
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: first.getUTCDay() }, () => null);
  for (let d = 1; d <= days; d++) cells.push(isoOf(new Date(Date.UTC(year, month, d))));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** "January 2027", the calendar's heading. */
export function monthHeading(year: number, month: number): string {
  return `${MONTH_NAMES[month]} ${year}`;
}

export { addDays, addMonths };

/** A go-live already past for a rollout still being planned is likely a typo. */
export function pastGoLiveQuestion(iso: string, phase: string, today: Date): string | null {
  if (phase !== 'planning' || iso >= isoOf(today)) return null;
  return `${readBack(iso)} is in the past, and the rollout is still in planning. Is that the go-live?`;
}
