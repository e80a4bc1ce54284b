import { describe, expect, it } from 'vitest';
import {
  absFigure,
  formatAmount,
  formatCount,
  formatDateTime,
  formatQuantity,
  formatSize,
  formatSpan,
  formatDate,
  formatFigure,
  formatDecimal,
  formatFte,
  formatFtePrecise,
  formatFraction,
  roundDecimal,
  formatHours,
  formatInsz,
  hoursInput,
  isNegative,
  isoDay,
  looksLikeInsz,
  parsePeriod,
  shiftPeriod,
} from './format';

describe('formatDate', () => {
  it('turns ISO dates into dd/mm/yyyy', () => {
    expect(formatDate('2026-01-31')).toBe('31/01/2026');
    expect(formatDate('2025-12-01')).toBe('01/12/2025');
  });
  it('renders unknown dates as the given empty text', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('', '…')).toBe('…');
  });
  it('leaves other text alone', () => {
    expect(formatDate('31/01/2026')).toBe('31/01/2026');
    expect(formatDate('morgen')).toBe('morgen');
  });
});

describe('numbers', () => {
  it('writes FTE on screen with 2 decimals, rounded half up without floats, 4 in details', () => {
    expect(formatFte('9.4500')).toBe('9,45');
    expect(formatFte('9.4550')).toBe('9,46');
    expect(formatFte('0.0000')).toBe('0,00');
    expect(formatFte('12')).toBe('12,00');
    expect(formatFte('0.5')).toBe('0,50');
    expect(formatFtePrecise('9.45')).toBe('9,4500');
    expect(formatFtePrecise('15.2000')).toBe('15,2000');
    expect(formatFraction('0.6000')).toBe('0,60');
    // Ties that a float gets wrong (1.005 is 1.00499… in binary) round up here.
    expect(roundDecimal('1.005', 2)).toBe('1.01');
    expect(roundDecimal('0.125', 2)).toBe('0.13');
    expect(roundDecimal('-0.3350', 2)).toBe('-0.34');
    expect(roundDecimal('-0.0049', 2)).toBe('0.00');
    expect(roundDecimal('99.995', 2)).toBe('100.00');
    expect(roundDecimal('abc', 2)).toBe('abc');
  });
  it('writes fractions with a decimal comma', () => {
    expect(formatDecimal('0.6000')).toBe('0,6000');
    expect(formatDecimal(null)).toBe('');
  });
  it('writes computed figures with a decimal comma and a dash when unknown', () => {
    expect(formatFigure('5.8333')).toBe('5,83');
    expect(formatFigure('-0.3333')).toBe('-0,33');
    expect(formatFigure('0.0000')).toBe('0,00');
    expect(formatFigure('16')).toBe('16');
    expect(formatFigure(null)).toBe('—');
    expect(formatFigure(undefined)).toBe('—');
    expect(formatFigure('')).toBe('—');
  });
  it('takes signs apart', () => {
    expect(absFigure('-0.3333')).toBe('0.3333');
    expect(absFigure('0.0400')).toBe('0.0400');
    expect(isNegative('-0.3333')).toBe(true);
    expect(isNegative('0.0000')).toBe(false);
    expect(isNegative('-0.0000')).toBe(false);
    expect(isNegative(null)).toBe(false);
  });
  it('writes hours from hundredths', () => {
    expect(formatHours(2280)).toBe('22,80 u');
    expect(formatHours(3800)).toBe('38,00 u');
    expect(formatHours(5)).toBe('0,05 u');
  });
  it('writes hours for a form field as a person types them', () => {
    expect(hoursInput(3800)).toBe('38');
    expect(hoursInput(2280)).toBe('22,8');
    expect(hoursInput(760)).toBe('7,6');
    expect(hoursInput(1905)).toBe('19,05');
  });
});

describe('INSZ', () => {
  it('formats 11 digits as YY.MM.DD-SSS.CC', () => {
    expect(formatInsz('93051822361')).toBe('93.05.18-223.61');
    expect(formatInsz('93.05.18-223.61')).toBe('93.05.18-223.61');
    expect(formatInsz(null)).toBe('');
  });
  it('gives a quick format hint only', () => {
    expect(looksLikeInsz('')).toBe(true);
    expect(looksLikeInsz('93.05.18-223.61')).toBe(true);
    expect(looksLikeInsz('93051822361')).toBe(true);
    expect(looksLikeInsz('9305182236')).toBe(false);
    expect(looksLikeInsz('abc')).toBe(false);
  });
});

describe('reporting periods', () => {
  it('reads quarters, months and years', () => {
    expect(parsePeriod('2026/1')).toEqual({ kind: 'quarter', year: 2026, part: 1 });
    expect(parsePeriod('2026-03')).toEqual({ kind: 'month', year: 2026, part: 3 });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026, part: 0 });
    expect(parsePeriod('2026/5')).toBeNull();
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('Q1')).toBeNull();
  });
  it('steps to the previous and next period', () => {
    expect(shiftPeriod('2026/1', -1)).toBe('2025/4');
    expect(shiftPeriod('2026/4', 1)).toBe('2027/1');
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('2026', 1)).toBe('2027');
    expect(shiftPeriod('nonsense', 1)).toBeNull();
  });
});

describe('isoDay', () => {
  it('counts days without time zones', () => {
    expect(isoDay('1970-01-02')).toBe(1);
    expect((isoDay('2026-03-01') ?? 0) - (isoDay('2026-02-28') ?? 0)).toBe(1);
    expect(isoDay(null)).toBeNull();
  });
});

describe('hours (negative)', () => {
  it('keeps the sign of a correction', () => {
    expect(formatHours(-240)).toBe('-2,40 u');
    expect(formatHours(-5)).toBe('-0,05 u');
    expect(formatHours(16829)).toBe('168,29 u');
    expect(formatHours(0)).toBe('0,00 u');
  });
});

describe('formatCount', () => {
  it('groups thousands with a dot', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatCount(-4500)).toBe('-4.500');
  });
});

describe('formatAmount', () => {
  it('writes money the Belgian way, with at least two decimals', () => {
    expect(formatAmount('2345.67')).toBe('2.345,67');
    expect(formatAmount('-2.4')).toBe('-2,40');
    expect(formatAmount('100')).toBe('100,00');
    expect(formatAmount('1234567.891')).toBe('1.234.567,891');
    expect(formatAmount('0.5')).toBe('0,50');
    expect(formatAmount('-0')).toBe('0,00');
  });
  it('renders nothing (or the given text) for no amount, other text unchanged', () => {
    expect(formatAmount(null)).toBe('');
    expect(formatAmount('', '—')).toBe('—');
    expect(formatAmount('abc')).toBe('abc');
  });
});

describe('formatQuantity', () => {
  it('uses a decimal comma and keeps the decimals as sent', () => {
    expect(formatQuantity('168.29')).toBe('168,29');
    expect(formatQuantity('1500')).toBe('1.500');
    expect(formatQuantity('-2.5')).toBe('-2,5');
    expect(formatQuantity(null)).toBe('');
  });
});

describe('formatSize', () => {
  it('uses decimal units with one decimal and a comma', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(999)).toBe('999 B');
    expect(formatSize(1000)).toBe('1,0 kB');
    expect(formatSize(1234)).toBe('1,2 kB');
    expect(formatSize(1_234_567)).toBe('1,2 MB');
    expect(formatSize(1_200_000)).toBe('1,2 MB');
    expect(formatSize(3_500_000_000)).toBe('3,5 GB');
  });
  it('moves to the next unit instead of showing 1000,0', () => {
    expect(formatSize(999_960)).toBe('1,0 MB');
    expect(formatSize(999_940)).toBe('999,9 kB');
  });
  it('shows nothing for a size that is not one', () => {
    expect(formatSize(-1)).toBe('');
    expect(formatSize(Number.NaN)).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows a moment as day and time in the given time zone', () => {
    expect(formatDateTime('2026-11-29T05:00:00Z', 'Europe/Brussels')).toBe('29/11/2026 06:00');
    expect(formatDateTime('2026-07-01T22:30:00Z', 'Europe/Brussels')).toBe('02/07/2026 00:30');
    expect(formatDateTime('2026-01-05T09:07:00+01:00', 'UTC')).toBe('05/01/2026 08:07');
  });
  it('shows a bare date as a date, other text unchanged, nothing as empty', () => {
    expect(formatDateTime('2026-01-31')).toBe('31/01/2026');
    expect(formatDateTime('gisteren')).toBe('gisteren');
    expect(formatDateTime(null, undefined, '…')).toBe('…');
  });
});

describe('formatSpan', () => {
  it('names one month, one quarter or a run of months', () => {
    expect(formatSpan('2026-01-01', '2026-01-31')).toBe('01/2026');
    expect(formatSpan('2024-02-01', '2024-02-29')).toBe('02/2024');
    expect(formatSpan('2026-04-01', '2026-06-30')).toBe('2026/2');
    expect(formatSpan('2026-01-01', '2026-02-28')).toBe('01/2026 – 02/2026');
    expect(formatSpan('2026-02-01', '2026-04-30')).toBe('02/2026 – 04/2026');
    expect(formatSpan('2025-12-01', '2026-01-31')).toBe('12/2025 – 01/2026');
  });
  it('falls back to dates for other spans', () => {
    expect(formatSpan('2026-01-03', '2026-02-17')).toBe('03/01/2026 – 17/02/2026');
    expect(formatSpan('2026-01-01', '2026-01-30')).toBe('01/01/2026 – 30/01/2026');
    expect(formatSpan('2026-01-01', null)).toBe('01/01/2026 – …');
    expect(formatSpan(null, null, '—')).toBe('—');
  });
});
