import { describe, expect, it } from 'vitest';
import { auditValue, daysUntil, epochDay, fieldLabel, formatDay, formatSize, goLiveCountdown, parseDay, today } from './format';

const nov25 = today(new Date(2026, 10, 25, 23, 30));

describe('dates', () => {
  it('reads only real ISO calendar days', () => {
    expect(parseDay('2027-02-01')?.toISOString()).toBe('2027-02-01T00:00:00.000Z');
    expect(parseDay('2027-02-30'), 'no 30 February').toBeNull();
    expect(parseDay('02/01/2027')).toBeNull();
    expect(parseDay(null)).toBeNull();
  });

  it('counts whole days from the local calendar day, late in the evening too', () => {
    expect(daysUntil('2026-11-26', nov25)).toBe(1);
    expect(daysUntil('2026-11-25', nov25)).toBe(0);
    expect(daysUntil('2027-01-16', nov25)).toBe(52);
  });

  it('formats days for people', () => {
    expect(formatDay('2027-02-01')).toBe('Feb 1, 2027');
    expect(formatDay(null)).toBe('—');
  });
});

describe('go-live countdown', () => {
  it.each([
    [null, 'No go-live date', 'none'],
    ['2026-11-25', 'Go-live today', 'today'],
    ['2026-11-26', 'Go-live tomorrow', 'soon'],
    ['2026-12-09', '14 days to go-live', 'soon'],
    ['2026-12-10', '15 days to go-live', 'far'],
    ['2026-11-24', 'Went live yesterday', 'past'],
    ['2026-11-16', 'Went live 9 days ago', 'past'],
  ])('%s reads "%s"', (date, text, tone) => {
    expect(goLiveCountdown(date, nov25)).toEqual({ text, tone });
  });
});

describe('audit values', () => {
  it('shows codes and dates as people read them', () => {
    expect(auditValue('phase', 'go_live')).toBe('Go-live');
    expect(auditValue('kind', 'ehr_go_live')).toBe('EHR go-live');
    expect(auditValue('status', 'in_review'), 'SOP statuses read as the core labels them').toBe('In review');
    expect(auditValue('status', 'at_risk')).toBe('At risk');
    expect(auditValue('schedule_mode', 'flag')).toBe('Only flag what waits for it');
    expect(auditValue('go_live_date', '2027-02-01')).toBe('Feb 1, 2027');
    expect(auditValue('owner', null)).toBe('(empty)');
  });
});

describe('sizes', () => {
  it('reads file sizes the way people say them', () => {
    expect(formatSize(900)).toBe('900 bytes');
    expect(formatSize(640 * 1024)).toBe('640 KB');
    expect(formatSize(1.25 * 1024 * 1024)).toBe('1.3 MB');
  });
});

describe('field names', () => {
  it('uses the label where there is one and words otherwise', () => {
    expect(fieldLabel('go_live_date')).toBe('Go-live date');
    expect(fieldLabel('likelihood')).toBe('Likelihood');
    expect(fieldLabel('data_source')).toBe('Data source');
  });
});

describe('epochDay', () => {
  it('counts the days since 1970 as a Date does, for every day of fifty years', () => {
    for (let day = Date.UTC(1990, 0, 1); day <= Date.UTC(2040, 11, 31); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      expect(epochDay(iso), iso).toBe(day / 86_400_000);
    }
  });

  it('refuses what is not a day, as parseDay does', () => {
    for (const text of ['2027-02-29', '2027-13-01', '2027-00-10', '2027-04-31', '2027-1-15', '20x7-01-15', '', null, undefined, 'soon']) {
      expect(epochDay(text), String(text)).toBeNull();
      expect(parseDay(text), String(text)).toBeNull();
    }
    expect(epochDay('2028-02-29')).toBe(Date.UTC(2028, 1, 29) / 86_400_000);
    expect(epochDay(' 2027-01-15 '), 'spaces around, read as parseDay reads them').toBe(Date.UTC(2027, 0, 15) / 86_400_000);
  });
});
