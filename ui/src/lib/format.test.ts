import { describe, expect, it } from 'vitest';
import {
  absFigure,
  formatDate,
  formatFigure,
  formatDecimal,
  formatFte,
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
  it('writes FTE with a decimal comma and 4 decimals', () => {
    expect(formatFte('9.4500')).toBe('9,4500');
    expect(formatFte('0.0000')).toBe('0,0000');
    expect(formatFte('12')).toBe('12,0000');
    expect(formatFte('0.5')).toBe('0,5000');
  });
  it('writes fractions with a decimal comma', () => {
    expect(formatDecimal('0.6000')).toBe('0,6000');
    expect(formatDecimal(null)).toBe('');
  });
  it('writes computed figures with a decimal comma and a dash when unknown', () => {
    expect(formatFigure('5.8333')).toBe('5,8333');
    expect(formatFigure('-0.3333')).toBe('-0,3333');
    expect(formatFigure('0.0000')).toBe('0,0000');
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
