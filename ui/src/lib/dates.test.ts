import { describe, expect, it } from 'vitest';
import { implausibility, localeDayOrder, monthGrid, parseTypedDate, readBack, type TypedDate } from './dates';

// Saturday, December 5, 2026.
const today = new Date(Date.UTC(2026, 11, 5));

function iso(text: string, order: 'mdy' | 'dmy' | 'ymd' = 'mdy'): string | null {
  const result: TypedDate = parseTypedDate(text, today, order);
  return result.kind === 'date' ? result.iso : null;
}

describe('typed dates', () => {
  it.each([
    ['1/15/2027', '2027-01-15'],
    ['01/15/2027', '2027-01-15'],
    ['1-15-27', '2027-01-15'],
    ['1.15.2027', '2027-01-15'],
    ['2027-01-15', '2027-01-15'],
    ['2027/1/15', '2027-01-15'],
    ['20270115', '2027-01-15'],
    ['15 Jan 2027', '2027-01-15'],
    ['Jan 15, 2027', '2027-01-15'],
    ['January 15th 2027', '2027-01-15'],
    ['15-jan-2027', '2027-01-15'],
    ["jan 15 '27", '2027-01-15'],
    ['Fri, Jan 15, 2027', '2027-01-15'],
    ['  SEPT 3 2027 ', '2027-09-03'],
  ])('reads %s the way people write it', (text, expected) => {
    expect(iso(text), text).toBe(expected);
  });

  it('takes a month and day without a year as the one nearest today', () => {
    expect(iso('jan 15'), 'next January, not last').toBe('2027-01-15');
    expect(iso('1/15')).toBe('2027-01-15');
    expect(iso('nov 20'), 'a date two weeks ago stays this year').toBe('2026-11-20');
    expect(iso('15 jan')).toBe('2027-01-15');
  });

  it('counts from today', () => {
    expect(iso('today')).toBe('2026-12-05');
    expect(iso('tomorrow')).toBe('2026-12-06');
    expect(iso('yesterday')).toBe('2026-12-04');
    expect(iso('+2w')).toBe('2026-12-19');
    expect(iso('+ 3 days')).toBe('2026-12-08');
    expect(iso('-1w')).toBe('2026-11-28');
    expect(iso('+10')).toBe('2026-12-15');
    expect(iso('+1m')).toBe('2027-01-05');
    expect(iso('in 2 weeks')).toBe('2026-12-19');
    expect(iso('3 days ago')).toBe('2026-12-02');
    expect(iso('next month')).toBe('2027-01-05');
  });

  it('reads weekdays forward from today (a Saturday)', () => {
    expect(iso('fri')).toBe('2026-12-11');
    expect(iso('next fri')).toBe('2026-12-11');
    expect(iso('friday')).toBe('2026-12-11');
    expect(iso('sat'), 'today is a Saturday').toBe('2026-12-05');
    expect(iso('next sat'), '"next" is after today').toBe('2026-12-12');
    expect(iso('last mon')).toBe('2026-11-30');
    expect(iso('thurs')).toBe('2026-12-10');
  });

  it('follows the locale: day first outside the US', () => {
    expect(iso('15/1/2027', 'dmy')).toBe('2027-01-15');
    expect(iso('5/1/2027', 'dmy')).toBe('2027-01-05');
    expect(iso('5/1/2027', 'mdy')).toBe('2027-05-01');
    expect(iso('15/1/2027', 'mdy'), 'a month above 12 can only be the day').toBe('2027-01-15');
    expect(iso('1/15/2027', 'dmy'), 'and the other way round').toBe('2027-01-15');
  });

  it('refuses what is not a date, saying why', () => {
    const message = (text: string) => {
      const result = parseTypedDate(text, today);
      return result.kind === 'invalid' ? result.message : `read as ${JSON.stringify(result)}`;
    };
    expect(message('2/30/2027')).toBe('February 2027 has no day 30.');
    expect(message('13/13/2027')).toBe('There is no month 13.');
    expect(message('jan 2027')).toBe('Which day in January 2027?');
    expect(message('Mon, Jan 15, 2027')).toBe('Fri, Jan 15, 2027 is a Friday, not a Monday.');
    expect(message('soon')).toMatch(/can't read "soon" as a date. Type it like 1\/15\/2027/);
    expect(parseTypedDate('   ', today).kind).toBe('empty');
  });

  it('reads a date back unambiguously', () => {
    expect(readBack('2027-01-15')).toBe('Fri, Jan 15, 2027');
    expect(iso(readBack('2027-03-02')), 'the read-back reads back').toBe('2027-03-02');
  });

  it('questions dates far from a plan', () => {
    expect(implausibility('1901-02-08', today)).toBe('Fri, Feb 8, 1901 is before 2000. Is the year right?');
    expect(implausibility('2037-01-15', today)).toMatch(/more than ten years away/);
    expect(implausibility('2027-01-15', today)).toBeNull();
    expect(implausibility('2001-01-15', today)).toBeNull();
  });

  it('knows the order of each locale', () => {
    expect(localeDayOrder('en-US')).toBe('mdy');
    expect(localeDayOrder('en-GB')).toBe('dmy');
    expect(localeDayOrder('de-DE')).toBe('dmy');
    expect(localeDayOrder('sv-SE')).toBe('ymd');
    expect(localeDayOrder('not a locale!')).toBe('mdy');
  });

  it('lays a month out in weeks from Sunday', () => {
    const weeks = monthGrid(2027, 0);
    expect(weeks[0]).toEqual([null, null, null, null, null, '2027-01-01', '2027-01-02']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });
});
