import { describe, expect, it } from 'vitest';
import { humanize, showDate, showDateTime, showDayOf, showPeriod } from './format';

describe('one date format across the app, on the UK clock', () => {
  it('writes dates with their weekday, and no date as a dash', () => {
    expect(showDate('2026-01-16')).toBe('Fri 16 Jan 2026');
    expect(showDate(null)).toBe('—');
  });

  it('writes moments in Europe/London, naming GMT in winter and BST in summer', () => {
    expect(showDateTime('2026-01-16T14:05:00Z')).toBe('Fri 16 Jan 2026, 14:05 GMT');
    expect(showDateTime('2026-07-16T14:05:00Z')).toBe('Thu 16 Jul 2026, 15:05 BST');
    // Just after midnight BST is the next day in the UK, though still the day before in UTC.
    expect(showDateTime('2026-07-16T23:30:00Z')).toBe('Fri 17 Jul 2026, 00:30 BST');
    expect(showDayOf('2026-07-16T23:30:00Z')).toBe('Fri 17 Jul 2026');
  });

  it('writes reporting periods as people say them', () => {
    expect(showPeriod('2026-01')).toBe('Jan 2026');
    expect(showPeriod('2026-Q2')).toBe('Q2 2026');
    expect(showPeriod('2026')).toBe('2026');
  });
});

describe('raw values in words', () => {
  it('turns ids, codes and event types into sentence case, keeping abbreviations', () => {
    expect(humanize('granted-in-full')).toBe('Granted in full');
    expect(humanize('review-window')).toBe('Review window');
    expect(humanize('CLARIFICATION_RECEIVED')).toBe('Clarification received');
    expect(humanize('sar')).toBe('SAR');
    expect(humanize('refused-ncnd')).toBe('Refused NCND');
    expect(humanize(null)).toBe('—');
  });
});
